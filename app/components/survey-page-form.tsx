import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { LIKERT, pageItems } from "#app/domain/survey/survey-options.js";
import type { Answers, SurveyPage } from "#app/domain/survey/survey.schema.js";
import { ChoiceGroup, ErrorSummary } from "./forms.js";
import { useSchemaForm } from "./use-schema-form.js";

/**
 * One survey page: radios in a fieldset per item, saved when submitted. Works without
 * JavaScript; with it, the same zod schema checks the page before it is sent.
 */
export function SurveyPageForm({
  page,
  pageNumber,
  pageCount,
  answers,
  serverErrors,
  backTo,
}: {
  page: SurveyPage;
  pageNumber: number;
  pageCount: number;
  answers: Answers;
  serverErrors?: Record<string, string>;
  backTo: string | null;
}) {
  const items = pageItems(page);
  const navigation = useNavigation();
  const form = useSchemaForm(
    () => import("#app/domain/survey/survey.schema.js").then((m) => m.pageAnswersSchema(page)),
    [],
    items.map((i) => i.id).join(","),
  );
  const message = (id: string) => (Object.keys(form.errors).length ? form.errors[id] : serverErrors?.[id]);
  const last = pageNumber === pageCount;
  return (
    <>
      <p className="progress">
        <span>
          Page {pageNumber} of {pageCount}
        </span>
        <progress max={pageCount} value={pageNumber - 1} aria-label={`${pageNumber - 1} of ${pageCount} pages done`} />
      </p>
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={Object.fromEntries(items.map((i) => [i.id, message(i.id)]))} />
        {page.kind === "value" ? (
          <>
            <h1>How much do you agree?</h1>
            <p className="lede">Think about how you really are, not how you think you should be.</p>
            {items.map((item) => (
              <ChoiceGroup
                key={item.id}
                name={item.id}
                type="radio"
                label={item.text}
                options={LIKERT}
                error={message(item.id)}
                defaultValue={answers[item.id]}
              />
            ))}
          </>
        ) : (
          <>
            <h1>What would you do?</h1>
            <p className="scenario">{page.item.text}</p>
            <ChoiceGroup
              name={page.item.id}
              type="radio"
              label={page.item.question}
              hint="Choose the answer closest to what you would really do."
              options={Object.fromEntries(page.item.options.map((o) => [o.id, o.text]))}
              error={message(page.item.id)}
              defaultValue={answers[page.item.id]}
            />
          </>
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {last ? "Finish the survey" : "Save and continue"}
          </button>
          {backTo ? <Link to={backTo}>Back to page {pageNumber - 1}</Link> : null}
        </div>
        <p className="muted">Your answers are saved each time you press the button. You can stop and come back later.</p>
      </Form>
    </>
  );
}

type PageData = { page: SurveyPage; pageNumber: number; pageCount: number; answers: Answers; backTo: string | null };

/** The page component both survey routes (candidates', team members') render. */
export function SurveyPageRoute() {
  const data = useLoaderData<PageData>();
  const actionData = useActionData<{ fieldErrors: Record<string, string>; values?: Record<string, string> }>();
  return (
    <div className="narrow">
      <SurveyPageForm
        {...data}
        answers={{ ...data.answers, ...actionData?.values }}
        key={data.pageNumber}
        serverErrors={actionData?.fieldErrors}
      />
    </div>
  );
}
