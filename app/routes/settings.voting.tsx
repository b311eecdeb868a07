import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { getOrgSettings } from "#app/domain/organisations/org-settings.server.js";
import { updateOrgSettings } from "#app/domain/organisations/update-org-settings.server.js";
import { QUORUMS, RULE_LABELS } from "#app/domain/votes/decision.js";
import { VoteSettingsSchema } from "#app/domain/votes/vote.schema.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Team vote settings" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  return scoped(getOrgSettings);
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), VoteSettingsSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  await run((ctx) => updateOrgSettings(ctx, { userId: staff.userId, name: staff.name }, "voting", result.data));
  return redirect("/settings/voting?saved=1");
}

const VISIBILITY = {
  secret: "Secret: after the close, the team and the lead see the tally and the comments, without names",
  open: "Open: after the close, the team and the lead also see who voted how",
};

export default function VoteSettings() {
  const settings = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(VoteSettingsSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  const value = (name: keyof typeof settings) => actionData?.values?.[name] ?? String(settings[name]);
  return (
    <div className="narrow">
      <h1>How teams vote on a hire</h1>
      <p className="lede">
        After a candidate's shadow shift, the team they would join decides. These settings apply to votes opened from now on; a vote under
        way keeps the settings it opened with.
      </p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Saved.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <ChoiceGroup
          type="radio"
          name="voteRule"
          label="How the team decides"
          options={RULE_LABELS}
          error={errors.voteRule}
          defaultValue={value("voteRule")}
        />
        <ChoiceGroup
          type="radio"
          name="voteQuorum"
          label="Quorum: how many of the eligible members must vote"
          hint="Members who declare a conflict of interest are not counted. Without a quorum the vote is extended once by 48 hours, then goes to the lead."
          options={Object.fromEntries(Object.entries(QUORUMS).map(([key, q]) => [key, q.label]))}
          error={errors.voteQuorum}
          defaultValue={value("voteQuorum")}
        />
        <TextField
          name="voteWindowHours"
          label="Voting window, in hours"
          hint="From 24 to 336 hours. Members who have not voted are reminded 24 hours before the close."
          inputMode="numeric"
          error={errors.voteWindowHours}
          defaultValue={value("voteWindowHours")}
        />
        <ChoiceGroup
          type="radio"
          name="voteVisibility"
          label="Names after the close"
          hint="Until a vote closes nobody sees how anyone voted, whichever you choose. Candidates never see individual votes."
          options={VISIBILITY}
          error={errors.voteVisibility}
          defaultValue={value("voteVisibility")}
        />
        <button type="submit" className="button">
          Save
        </button>
      </Form>
    </div>
  );
}
