import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { findWorkshopById, listAttendingForWorkshop, listWorkshopTeamsAndExercises } from "#db/queries/workshops.js";
import { ErrorSummary } from "#app/components/forms.js";
import { listVisibleScores, type ScoreInput, saveScores, submitScores } from "#app/domain/workshops/assessor-scores.server.js";
import { formatLondonSlot } from "#app/domain/workshops/london-time.js";
import { WorkshopError } from "#app/domain/workshops/workshop.errors.js";
import { requireUuid } from "#app/utils/http-errors.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { readForm } from "#app/utils/form.server.js";
import { formValues, unusualCharacterErrors } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Score the workshop" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { staff, scoped } = await staffScope(request);
  const id = requireUuid(params.workshopId);
  const found = await scoped(async (trx) => {
    const workshop = await findWorkshopById(trx, id);
    const assessor = await trx
      .selectFrom("workshopAssessors")
      .select("submittedAt")
      .where("workshopId", "=", id)
      .where("userId", "=", staff.userId)
      .executeTakeFirst();
    if (!workshop || !assessor) return null;
    const [[, exercises], candidates, visible] = await Promise.all([
      listWorkshopTeamsAndExercises(trx, id),
      listAttendingForWorkshop(trx, id),
      listVisibleScores(trx, id, staff.userId),
    ]);
    return { workshop, exercises, candidates, visible, submitted: Boolean(assessor.submittedAt) };
  });
  if (!found) throw new Response("You are not an assessor for this workshop.", { status: 404 });
  const mine = Object.fromEntries(
    found.visible.scores.filter((s) => s.assessorId === staff.userId).map((s) => [`${s.bookingId}.${s.exerciseId}.${s.criterionKey}`, s]),
  );
  return {
    id,
    when: formatLondonSlot(found.workshop.startsAt, found.workshop.endsAt),
    exercises: found.exercises,
    candidates: found.candidates,
    submitted: found.submitted,
    mine,
    everyone: found.visible.all && found.submitted ? found.visible.scores : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request);
  const id = requireUuid(params.workshopId);
  const form = await readForm(request);
  // Notes are free text read outside parseForm: the same check keeps a NUL out of PostgreSQL.
  const unusual = unusualCharacterErrors(formValues(form));
  if (Object.keys(unusual).length) return Response.json({ fieldErrors: unusual }, { status: 400 });
  const scores: ScoreInput[] = [];
  // The exercise versions the page showed: saving refuses if one has changed since.
  const shown: Record<string, string> = {};
  for (const [name, value] of form) {
    if (name.startsWith("version.") && typeof value === "string") shown[name.slice(8)] = value;
    if (!name.startsWith("score.") || typeof value !== "string" || !value) continue;
    const [, bookingId, exerciseId, criterionKey] = name.split(".");
    scores.push({
      bookingId,
      exerciseId,
      criterionKey,
      score: Number(value),
      note: String(form.get(`note.${bookingId}.${exerciseId}.${criterionKey}`) ?? "").trim(),
    });
  }
  try {
    await run(async (ctx) => {
      await saveScores(ctx, id, staff.userId, scores, shown);
      if (form.get("intent") === "submit") await submitScores(ctx, id, staff.userId);
    });
  } catch (error) {
    if (error instanceof WorkshopError) return Response.json({ fieldErrors: { form: error.message } }, { status: 409 });
    throw error;
  }
  return redirect(`/workshops/${id}/score${form.get("intent") === "submit" ? "?submitted=1" : "?saved=1"}`);
}

const LEVELS = ["1", "2", "3", "4"] as const;

export default function ScoreWorkshop() {
  const { id, when, exercises, candidates, submitted, mine, everyone } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string> }>();
  return (
    <>
      <p>
        <Link to={`/workshops/${id}`}>Back to the workshop</Link>
      </p>
      <h1>Score the workshop</h1>
      <p className="lede">
        {when}. Score each person on each criterion from 1 to 4. You see only your own scores until you submit, so each assessor's view
        stays their own.
      </p>
      <ErrorSummary errors={actionData?.fieldErrors ?? {}} />
      {candidates.length === 0 ? <p>Nobody is marked as attending yet. Record who came first.</p> : null}
      <Form method="post" className="stack">
        {exercises.map((e) => (
          <input key={e.id} type="hidden" name={`version.${e.id}`} value={e.versionId} />
        ))}
        {candidates.map((c) => (
          <section key={c.id} className="card" aria-labelledby={`candidate-${c.id}`}>
            <h2 id={`candidate-${c.id}`}>{c.fullName}</h2>
            {exercises.map((e) => (
              <div key={e.id}>
                <h3>
                  {e.title} <span className="muted">(version {e.version})</span>
                </h3>
                {e.rubric.map((criterion) => {
                  const key = `${c.id}.${e.id}.${criterion.key}`;
                  const others = everyone.filter((s) => s.bookingId === c.id && s.exerciseId === e.id && s.criterionKey === criterion.key);
                  const spread = others.length ? Math.max(...others.map((o) => o.score)) - Math.min(...others.map((o) => o.score)) : 0;
                  return (
                    <fieldset key={criterion.key} className="field" disabled={submitted}>
                      <legend>{criterion.criterion}</legend>
                      <div className="choices">
                        {LEVELS.map((level) => (
                          <div className="choice" key={level}>
                            <input
                              id={`score.${key}.${level}`}
                              type="radio"
                              name={`score.${key}`}
                              value={level}
                              defaultChecked={String(mine[key]?.score) === level}
                            />
                            <label htmlFor={`score.${key}.${level}`}>
                              {level}: {criterion.levels[level]}
                            </label>
                          </div>
                        ))}
                      </div>
                      <label htmlFor={`note.${key}`}>Note (optional)</label>
                      {actionData?.fieldErrors[`note.${key}`] ? (
                        <span className="error-message" id={`note.${key}-error`}>
                          <span className="visually-hidden">Error: </span>
                          {actionData.fieldErrors[`note.${key}`]}
                        </span>
                      ) : null}
                      <input
                        id={`note.${key}`}
                        name={`note.${key}`}
                        type="text"
                        defaultValue={mine[key]?.note ?? ""}
                        aria-invalid={actionData?.fieldErrors[`note.${key}`] ? true : undefined}
                        aria-describedby={actionData?.fieldErrors[`note.${key}`] ? `note.${key}-error` : undefined}
                      />
                      {others.length ? (
                        <p className={spread >= 2 ? "notice warning" : "muted"}>
                          Everyone's scores: {others.map((o) => `${o.assessorName} ${o.score}`).join(", ")}
                          {spread >= 2 ? ". Assessors differ by 2 or more: talk this through." : ""}
                        </p>
                      ) : null}
                    </fieldset>
                  );
                })}
              </div>
            ))}
          </section>
        ))}
        {candidates.length && !submitted ? (
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button secondary">
              Save my scores
            </button>
            <button type="submit" name="intent" value="submit" className="button">
              Submit my scores
            </button>
          </div>
        ) : null}
        {submitted ? <p className="notice">You have submitted your scores. You can now see everyone's.</p> : null}
      </Form>
    </>
  );
}
