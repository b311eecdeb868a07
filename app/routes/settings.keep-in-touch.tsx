import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { listKitContent } from "#db/queries/touchpoints.js";
import { saveKeepInTouchWords } from "#app/domain/offers/save-kit-content.server.js";
import { ErrorSummary, TextArea, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { KIT_WEEKS, kitMessageFor } from "#app/domain/offers/kit-content.js";
import { KitContentSchema } from "#app/domain/offers/kit-content.schema.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Keep-in-touch emails" }];

const WEEKS = Array.from({ length: KIT_WEEKS }, (_, i) => i + 1);

export async function loader({ request }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  const saved = await scoped(listKitContent);
  return { messages: WEEKS.map((week) => kitMessageFor(week, saved)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const result = parseForm(await readForm(request), KitContentSchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  const rows = WEEKS.map((week) => ({ week, title: result.data[`title${week}`], body: result.data[`body${week}`] }));
  await run((ctx) => saveKeepInTouchWords(ctx, { userId: staff.userId, name: staff.name }, rows));
  return redirect("/settings/keep-in-touch?saved=1");
}

export default function KeepInTouchSettings() {
  const { messages } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(KitContentSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  return (
    <div className="narrow">
      <h1>Keep-in-touch emails</h1>
      <p className="lede">
        Between accepting an offer and their first day, new colleagues get one email a week. Each asks them to reply, so you know it reached
        them. After week {KIT_WEEKS}, the last message repeats. Their buddy is asked to ring them the same week.
      </p>
      {params.get("saved") ? (
        <p className="notice" role="status">
          Saved. New emails use these words.
        </p>
      ) : null}
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        {messages.map((m) => (
          <fieldset key={m.week} className="card stack">
            <legend>Week {m.week}</legend>
            <TextField
              name={`title${m.week}`}
              label="Title"
              error={errors[`title${m.week}`]}
              defaultValue={actionData?.values?.[`title${m.week}`] ?? m.title}
            />
            <TextArea
              name={`body${m.week}`}
              label="Message"
              error={errors[`body${m.week}`]}
              defaultValue={actionData?.values?.[`body${m.week}`] ?? m.body}
            />
          </fieldset>
        ))}
        <button type="submit" className="button">
          Save
        </button>
      </Form>
    </div>
  );
}
