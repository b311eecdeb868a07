import { findOwnApplication } from "#db/queries/applications.js";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { findLiveBooking, listBookableWorkshops, listWaitlistEntries } from "#db/queries/workshops.js";
import { ErrorSummary, TextArea } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { bookSeat, bookingFormNote, cancelBooking } from "#app/domain/workshops/book-seat.server.js";
import { formatLondonDate, formatLondonSlot, formatLondonTime } from "#app/domain/workshops/london-time.js";
import { joinWaitlist } from "#app/domain/workshops/waitlist.server.js";
import { WorkshopError } from "#app/domain/workshops/workshop.errors.js";
import { BOOKING_CUTOFF_HOURS } from "#app/domain/workshops/workshop-options.js";
import { requireUuid, workshopErrorStatus } from "#app/utils/http-errors.server.js";
import { requireCandidateScope } from "#app/utils/tenant.server.js";
import { BookSeatSchema, parseForm } from "#app/utils/candidate-forms.server.js";
import { readForm } from "#app/utils/form.server.js";

export const meta: MetaFunction = () => [{ title: "Your group workshop" }];

async function scope(request: Request, applicationId: string | undefined) {
  const id = requireUuid(applicationId);
  return { id, ...(await requireCandidateScope(request)) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { id, candidate, scoped } = await scope(request, params.applicationId);
  const data = await scoped(async (trx) => {
    const application = await findOwnApplication(trx, id, candidate.candidateId);
    if (!application) return null;
    const from = new Date(Date.now() + BOOKING_CUTOFF_HOURS * 3_600_000);
    const [booking, workshops, waitlist, note] = await Promise.all([
      findLiveBooking(trx, id),
      listBookableWorkshops(trx, application.teamId, from, id),
      listWaitlistEntries(trx, id),
      bookingFormNote(trx, id, application.adjustmentsNote),
    ]);
    return { application, booking, workshops, waitlist, note };
  });
  if (!data) throw new Response("We could not find that application.", { status: 404 });
  return {
    title: data.application.title,
    invited: data.application.stage === "workshop",
    adjustments: data.booking?.adjustments ?? data.note,
    booking: data.booking ? { ...data.booking, when: formatLondonSlot(data.booking.startsAt, data.booking.endsAt) } : null,
    workshops: data.workshops
      .filter((w) => w.id !== data.booking?.workshopId)
      .map((w) => {
        const entry = data.waitlist.find((e) => e.workshopId === w.id);
        return {
          ...w,
          when: formatLondonSlot(w.startsAt, w.endsAt),
          seatsLeft: Math.max(0, w.free),
          waiting: entry?.status === "waiting",
          heldUntil:
            entry?.status === "offered" && entry.offerExpiresAt
              ? `${formatLondonDate(entry.offerExpiresAt)}, ${formatLondonTime(entry.offerExpiresAt)}`
              : null,
        };
      }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { id, candidate, run } = await scope(request, params.applicationId);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  try {
    if (intent.startsWith("waitlist:")) {
      const workshopId = requireUuid(intent.slice(9));
      await run((ctx) => joinWaitlist(ctx, { workshopId, applicationId: id, candidateId: candidate.candidateId }));
      return redirect(`/me/workshop/${id}?waitlisted=1`);
    }
    if (intent === "cancel") {
      await run((ctx) => cancelBooking(ctx, id, candidate.candidateId));
      return redirect(`/me/workshop/${id}?cancelled=1`);
    }
    const result = parseForm(form, BookSeatSchema);
    if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors }, { status: 400 });
    await run((ctx) => bookSeat(ctx, { applicationId: id, candidateId: candidate.candidateId, ...result.data }));
    return redirect(`/me/workshop/${id}?booked=1`);
  } catch (error) {
    if (error instanceof WorkshopError) {
      return Response.json({ fieldErrors: { workshopId: error.message } }, { status: workshopErrorStatus(error) });
    }
    throw error;
  }
}

export default function WorkshopBooking() {
  const { title, invited, booking, workshops, adjustments } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ fieldErrors: Record<string, string> }>();
  const [params] = useSearchParams();
  const form = useSchemaForm(() => import("#app/domain/workshops/workshop.schema.js").then((m) => m.BookSeatSchema));
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  return (
    <div className="narrow">
      <p>
        <Link to="/me">Your applications</Link>
      </p>
      <h1>Your group workshop</h1>
      <p className="lede">For {title}. You meet other people who are applying. Together you try out real things from the job.</p>
      {params.get("booked") ? (
        <p className="notice" role="status">
          Your place is booked. We have emailed you the details and a calendar file.
        </p>
      ) : null}
      {params.get("waitlisted") ? (
        <p className="notice" role="status">
          You are on the waiting list. If a place comes free, we will email you and hold it for you for 24 hours.
        </p>
      ) : null}
      {params.get("cancelled") ? (
        <p className="notice" role="status">
          Your place is cancelled. You can choose another date below.
        </p>
      ) : null}
      {!invited ? <p>This application is not at the workshop step, so there is nothing to book here.</p> : null}
      {booking ? (
        <section className="card" aria-labelledby="booked-title">
          <h2 id="booked-title">Your place</h2>
          <p>
            <strong>{booking.when}</strong>
          </p>
          <p>
            {booking.venueName}, {booking.venueAddress}
          </p>
          {booking.directions ? <p>Getting there: {booking.directions}</p> : null}
          {booking.accessibility ? <p>Access: {booking.accessibility}</p> : null}
          <div className="button-row">
            <a className="button secondary" href={`/me/workshop/${booking.applicationId}/calendar.ics`} download="workshop.ics">
              Add to my calendar
            </a>
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className="button warning">
                Cancel my place
              </button>
            </Form>
          </div>
        </section>
      ) : null}
      {invited ? (
        <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
          {/* Pressing Enter books: the first submit button in a form is the default one. */}
          <button type="submit" name="intent" value="book" className="visually-hidden" tabIndex={-1} aria-hidden="true">
            Book
          </button>
          <h2>{booking ? "Change to another date" : "Choose a date"}</h2>
          <ErrorSummary errors={errors} />
          {workshops.length === 0 ? (
            <p>There are no other dates with free places right now. We will email you when there are.</p>
          ) : (
            <div className={`field${errors.workshopId ? " has-error" : ""}`}>
              <fieldset aria-describedby={errors.workshopId ? "workshopId-error" : undefined}>
                <legend>Dates with free places</legend>
                {errors.workshopId ? (
                  <span className="error-message" id="workshopId-error">
                    <span className="visually-hidden">Error: </span>
                    {errors.workshopId}
                  </span>
                ) : null}
                <div className="choices">
                  {workshops.map((w, index) => (
                    <div className="choice workshop-choice" key={w.id}>
                      <input
                        id={index === 0 ? "workshopId" : `workshop-${w.id}`}
                        type="radio"
                        name="workshopId"
                        value={w.id}
                        disabled={w.seatsLeft === 0}
                      />
                      <label htmlFor={index === 0 ? "workshopId" : `workshop-${w.id}`}>
                        <strong>{w.when}</strong>
                        <br />
                        {w.venueName}, {w.venueAddress}
                        <br />
                        {w.heldUntil
                          ? `A place is held for you until ${w.heldUntil}`
                          : w.seatsLeft === 0
                            ? w.waiting
                              ? "Full: you are on the waiting list"
                              : "Full"
                            : `${w.seatsLeft} place${w.seatsLeft === 1 ? "" : "s"} left`}
                        {w.accessibility ? (
                          <>
                            <br />
                            Access: {w.accessibility}
                          </>
                        ) : null}
                      </label>
                      {w.seatsLeft === 0 && !w.waiting && !w.heldUntil ? (
                        <button type="submit" name="intent" value={`waitlist:${w.id}`} className="link-button">
                          Join the waiting list for {w.when}
                        </button>
                      ) : null}
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
          )}
          <TextArea
            name="adjustments"
            label="Anything that would help you on the day? (optional)"
            hint="For example a quiet space, extra time, or questions in advance. The people running the workshop will see this."
            error={errors.adjustments}
            defaultValue={adjustments}
          />
          {workshops.length ? (
            <button type="submit" name="intent" value="book" className="button">
              {booking ? "Move my place to this date" : "Book my place"}
            </button>
          ) : null}
          <p className="muted">You can change or cancel up to {BOOKING_CUTOFF_HOURS} hours before the start.</p>
        </Form>
      ) : null}
    </div>
  );
}
