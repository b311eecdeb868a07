import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { findTouchpointContext } from "#db/queries/touchpoints.js";
import { ChoiceGroup, ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { firstName } from "#app/domain/names.js";
import { answerTouchpoint } from "#app/domain/offers/answer-touchpoint.server.js";
import { CHECKIN_ANSWERS } from "#app/domain/offers/touchpoint-options.js";
import { CheckinSchema, KitReplySchema, parseForm } from "#app/utils/candidate-forms.server.js";
import { touchpointScope } from "#app/utils/tenant.server.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.kind === "checkin" ? "How is it going?" : "Reply to us" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const { touchpointId, scoped } = await touchpointScope(params.token);
  const t = await scoped((trx) => findTouchpointContext(trx, touchpointId));
  if (!t) throw new Response("We could not find that message.", { status: 404 });
  return {
    kind: t.kind === "checkin" ? ("checkin" as const) : ("kit" as const),
    firstName: firstName(t.fullName),
    teamName: t.teamName,
    day: t.seq,
    answer: t.answer,
    note: t.note,
    replied: Boolean(t.repliedAt),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { touchpointId, scoped, run } = await touchpointScope(params.token);
  const form = await readForm(request);
  const kind = await scoped(async (trx) => (await findTouchpointContext(trx, touchpointId))?.kind);
  if (!kind) throw new Response("We could not find that message.", { status: 404 });
  const result = kind === "checkin" ? parseForm(form, CheckinSchema) : parseForm(form, KitReplySchema);
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  await run((ctx) => answerTouchpoint(ctx, touchpointId, result.data));
  return redirect(`/check-in/${params.token}?sent=1`);
}

export default function CheckIn() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(
    () => import("#app/domain/offers/touchpoint.schema.js").then((m) => (data.kind === "checkin" ? m.CheckinSchema : m.KitReplySchema)),
    [],
    data.kind,
  );
  const errors = form.shown(actionData?.fieldErrors);
  const value = (name: "answer" | "note") => actionData?.values?.[name] ?? data[name] ?? "";
  const sent = params.get("sent");
  return (
    <div className="narrow">
      <h1>{data.kind === "checkin" ? `How is it going, ${data.firstName}?` : `Thank you, ${data.firstName}`}</h1>
      {sent ? (
        <p className="notice" role="status">
          {data.answer === "worried"
            ? "Thank you for telling us. Someone from the team will get in touch with you soon."
            : "Thank you: we have your reply."}
        </p>
      ) : null}
      <p className="lede">
        {data.kind === "checkin"
          ? `You have been with ${data.teamName} for ${data.day} days. There are no wrong answers: it helps us look after you.`
          : `Your reply tells us our email reached you. If you have a question, or anything has changed, write it here.`}
      </p>
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        {data.kind === "checkin" ? (
          <ChoiceGroup
            type="radio"
            name="answer"
            label="How is it going?"
            options={CHECKIN_ANSWERS}
            error={errors.answer}
            defaultValue={value("answer")}
          />
        ) : null}
        <TextArea
          name="note"
          label={data.kind === "checkin" ? "Anything you would like to tell us?" : "Your message (optional)"}
          hint={data.kind === "checkin" ? "Needed if you are worried, so the right person can help. Optional otherwise." : undefined}
          error={errors.note}
          defaultValue={value("note")}
        />
        <button type="submit" className="button">
          {data.replied ? "Update my reply" : "Send"}
        </button>
      </Form>
    </div>
  );
}
