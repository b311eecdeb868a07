import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { type Answers, LIKERT, pageAnswersSchema, pageItems, type SurveyPage } from "#app/domain/survey/survey.schema.js";
import { ChoiceGroup, ErrorSummary } from "./forms.js";

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
  const submit = useSubmit();
  const navigation = useNavigation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Record<string, unknown>>({
    resolver: zodResolver(pageAnswersSchema(page)),
    shouldFocusError: false,
    defaultValues: Object.fromEntries(items.map((i) => [i.id, answers[i.id]])),
  });
  const message = (id: string) => errors[id]?.message ?? serverErrors?.[id];
  const last = pageNumber === pageCount;
  return (
    <>
      <p className="progress">
        <span>
          Page {pageNumber} of {pageCount}
        </span>
        <progress max={pageCount} value={pageNumber - 1} aria-label={`${pageNumber - 1} of ${pageCount} pages done`} />
      </p>
      <Form
        method="post"
        noValidate
        className="stack"
        onSubmit={(event) => {
          const form = event.currentTarget;
          void handleSubmit(() => submit(form))(event);
        }}
      >
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
                registration={register(item.id)}
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
              registration={register(page.item.id)}
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
