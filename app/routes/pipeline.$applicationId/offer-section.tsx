import type { SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from "#app/components/forms.js";
import { formatUkDay, STALLED_AFTER_DAYS } from "#app/domain/offers/offer-rules.js";
import { CHECK_KINDS, CHECK_STATUSES, OFFER_STATUS_LABELS, WITHDRAWAL_REASONS } from "#app/domain/offers/offer.schema.js";
import type { loadOfferSection, OfferNotice } from "./offer-actions.server.js";
import { formatLongDate } from "#app/domain/dates.js";

type Section = SerializeFrom<Awaited<ReturnType<typeof loadOfferSection>>>;
type ActionData = { intent?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

const NOTICES: Record<OfferNotice, string> = {
  recorded: "The offer is recorded. We have emailed the candidate to accept or decline it.",
  moved: "The start date has changed. We have emailed the candidate.",
  check: "The check is saved.",
  withdrawn: "The withdrawal is recorded. Nothing more will be sent to them.",
  started: "The start is confirmed: they are now a member of the team.",
  "no-show": "The no-show is recorded. Nothing more will be sent to them.",
  call: "The buddy call is marked as done.",
};

const day = formatLongDate;

/** The application page's offer: record it, then the checks, the start date, and the start (or a drop-out). */
export function OfferSection({ section, candidateName }: { section: Section; candidateName: string }) {
  const {
    offer,
    checks,
    plan,
    canManage,
    recording,
    defaults,
    teams,
    buddies,
    today,
    canChangeStartDate,
    canConfirmStart,
    canRecordNoShow,
  } = section;
  const actionData = useActionData<ActionData>();
  const [params] = useSearchParams();
  const notice = NOTICES[params.get("offer") as OfferNotice];
  const intent = actionData?.intent ?? "";
  const errorsFor = (name: string) => (intent === name ? (actionData?.fieldErrors ?? {}) : {});
  const value = (name: string, fallback = "") => actionData?.values?.[name] ?? fallback;
  /** A field of one of the offer's forms: its name, what was typed (after that form failed) or the fallback, and its error. */
  const field = (form: string, name: string, fallback = "") => ({
    name,
    defaultValue: intent === form ? value(name, fallback) : fallback,
    error: errorsFor(form)[name],
  });
  if (!offer && !recording) return null;
  const stalled = checks.filter((c) => c.stalled);
  // The three checks' forms share the field names `status` and `note`, so their ids carry the check's
  // kind: a problem belongs to the check that was sent, and the summary links to that check's field.
  const failedKind = intent === "offer-check" ? value("kind") : "";
  const checkErrors = errorsFor("offer-check");
  const checkFieldId = (kind: string, field: string) => `check-${kind}-${field}`;
  const isCheckField = (field: string) => field === "status" || field === "note";
  const failedCheck = checks.some((c) => c.kind === failedKind);
  const checkSummary = Object.fromEntries(
    Object.entries(checkErrors).map(([field, message]) => [
      failedCheck && isCheckField(field) ? checkFieldId(failedKind, field) : field,
      message,
    ]),
  );
  const checkLabels = failedCheck
    ? {
        [checkFieldId(failedKind, "status")]: `${CHECK_KINDS[failedKind as keyof typeof CHECK_KINDS]} status`,
        [checkFieldId(failedKind, "note")]: `${CHECK_KINDS[failedKind as keyof typeof CHECK_KINDS]} note`,
      }
    : {};
  return (
    <section aria-labelledby="offer-title">
      <h2 id="offer-title">Offer</h2>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {offer ? (
        <dl>
          <dt>Status</dt>
          <dd>{OFFER_STATUS_LABELS[offer.status]}</dd>
          <dt>Role</dt>
          <dd>{offer.roleTitle}</dd>
          <dt>Hours</dt>
          <dd>{offer.hours}</dd>
          <dt>Pay</dt>
          <dd>{offer.pay}</dd>
          <dt>Start date</dt>
          <dd>{formatUkDay(offer.startDate)}</dd>
          <dt>Team</dt>
          <dd>{offer.teamName}</dd>
          <dt>Buddy</dt>
          <dd>{offer.buddyName ?? "None"}</dd>
          {offer.declineReason ? (
            <>
              <dt>Why they declined</dt>
              <dd>{offer.declineReason}</dd>
            </>
          ) : null}
          {offer.withdrawalReason ? (
            <>
              <dt>Why they withdrew</dt>
              <dd>
                {WITHDRAWAL_REASONS[offer.withdrawalReason]}
                {offer.withdrawalNote ? `: ${offer.withdrawalNote}` : ""}
              </dd>
            </>
          ) : null}
          {offer.startedOn ? (
            <>
              <dt>Started on</dt>
              <dd>{formatUkDay(offer.startedOn)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {offer?.noShowFlagged && offer.status === "accepted" ? (
        <p className="notice">The start date passed more than 3 days ago and the start has not been confirmed.</p>
      ) : null}

      {recording ? (
        <Form method="post" noValidate className="stack card">
          <h3>Record the offer</h3>
          <p>The candidate is emailed the offer and asked to accept or decline it.</p>
          <ErrorSummary errors={errorsFor("offer-record")} />
          <TextField {...field("offer-record", "roleTitle", defaults.roleTitle)} label="Role" />
          <TextField {...field("offer-record", "hours", defaults.hours)} label="Hours" />
          <TextField {...field("offer-record", "pay")} label="Pay" hint="For example, £12.60 an hour" />
          <TextField {...field("offer-record", "startDate")} type="date" label="Proposed start date" min={today} />
          <SelectField {...field("offer-record", "teamId", defaults.teamId)} label="Team" options={teams} />
          <SelectField
            {...field("offer-record", "buddyMemberId")}
            label="Buddy"
            hint="A member of the team, who keeps in touch until they start and through their first weeks"
            placeholder="Choose a buddy"
            options={buddies}
          />
          <button type="submit" name="intent" value="offer-record" className="button">
            Record the offer and email the candidate
          </button>
        </Form>
      ) : null}

      {offer?.status === "accepted" ? (
        <section aria-labelledby="checks-title">
          <h3 id="checks-title">Pre-start checks</h3>
          {stalled.length ? (
            <p className="notice alert">
              {stalled.length === 1 ? "1 check has" : `${stalled.length} checks have`} not moved for more than {STALLED_AFTER_DAYS} days.
            </p>
          ) : null}
          <ErrorSummary errors={checkSummary} labels={checkLabels} />
          <ul className="stack">
            {checks.map((c) => {
              const failed = c.kind === failedKind;
              const errors = failed ? checkErrors : {};
              return (
                <li key={c.kind} className={c.stalled ? "card stalled" : "card"}>
                  <Form method="post" className="stack" aria-label={CHECK_KINDS[c.kind]}>
                    <h4>{CHECK_KINDS[c.kind]}</h4>
                    <p>
                      {CHECK_STATUSES[c.status]} since {day(c.statusChangedAt)}
                      {c.updatedByName ? ` (${c.updatedByName})` : ""}
                      {c.stalled ? (
                        <>
                          {" "}
                          <span className="tag alert">Stalled</span>
                        </>
                      ) : null}
                    </p>
                    {c.note ? <p>Note: {c.note}</p> : null}
                    {canManage ? (
                      <>
                        <input type="hidden" name="offerId" value={offer.id} />
                        <input type="hidden" name="kind" value={c.kind} />
                        <SelectField
                          id={checkFieldId(c.kind, "status")}
                          name="status"
                          label="Status"
                          options={CHECK_STATUSES}
                          defaultValue={failed ? value("status", c.status) : c.status}
                          error={errors.status}
                        />
                        <TextArea
                          id={checkFieldId(c.kind, "note")}
                          name="note"
                          label="Note (optional)"
                          defaultValue={failed ? value("note", c.note) : c.note}
                          error={errors.note}
                        />
                        <button type="submit" name="intent" value="offer-check" className="button secondary">
                          Save {CHECK_KINDS[c.kind]}
                        </button>
                      </>
                    ) : null}
                  </Form>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {plan.length ? (
        <section aria-labelledby="kit-title">
          <h3 id="kit-title">Keeping in touch</h3>
          <p>Every contact planned until the first day and after it, and where each has got to.</p>
          <ul className="list-plain stack">
            {plan.map((t) => {
              const failed = intent === "offer-buddy-call" && value("touchpointId") === t.id;
              const noteId = `call-${t.id}-note`;
              return (
                <li key={t.id} className={t.state === "overdue" ? "card stalled" : "card"}>
                  <h4>{t.what}</h4>
                  <p>
                    Due {day(t.due)}. <strong>{t.text}</strong>
                    {t.state === "overdue" ? (
                      <>
                        {" "}
                        <span className="tag alert">Overdue</span>
                      </>
                    ) : null}
                  </p>
                  {t.note ? <p>Note: “{t.note}”</p> : null}
                  {t.markable ? (
                    <Form method="post" noValidate className="stack" aria-label={`${t.what}: mark as done`}>
                      {failed ? (
                        <ErrorSummary errors={{ [noteId]: errorsFor("offer-buddy-call").note }} labels={{ [noteId]: "Note" }} />
                      ) : null}
                      <input type="hidden" name="touchpointId" value={t.id} />
                      <TextArea
                        id={noteId}
                        name="note"
                        label={t.state === "done" ? "Change the note (optional)" : "How did it go? (optional)"}
                        defaultValue={failed ? value("note", t.note ?? "") : (t.note ?? "")}
                        error={failed ? errorsFor("offer-buddy-call").note : undefined}
                      />
                      <button type="submit" name="intent" value="offer-buddy-call" className="button secondary">
                        {t.state === "done" ? "Save the note" : "Mark the call as done"}
                        <span className="visually-hidden"> ({t.what})</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {canConfirmStart ? (
        <Form method="post" className="card stack">
          <h3>First day</h3>
          <p>
            When {candidateName} has arrived, confirm the start: they become a member of the team and the day 7, 30 and 90 check-ins are
            planned.
          </p>
          <ErrorSummary errors={errorsFor("offer-confirm-start")} />
          <button type="submit" name="intent" value="offer-confirm-start" className="button">
            Confirm {candidateName} has started
          </button>
        </Form>
      ) : null}

      {canChangeStartDate && offer ? (
        <Form method="post" noValidate className="stack card">
          <h3>Change the start date</h3>
          <ErrorSummary errors={errorsFor("offer-start-date")} />
          <TextField {...field("offer-start-date", "startDate", offer.startDate)} type="date" label="New start date" min={today} />
          <button type="submit" name="intent" value="offer-start-date" className="button secondary">
            Change the start date and email them
          </button>
        </Form>
      ) : null}

      {canRecordNoShow ? (
        <Form method="post" className="card stack">
          <h3>They did not start</h3>
          <p>The start date has come. If they never came, record a no-show: the application closes and nothing more is sent.</p>
          <ErrorSummary errors={errorsFor("offer-no-show")} />
          <button type="submit" name="intent" value="offer-no-show" className="button warning">
            Record a no-show
          </button>
        </Form>
      ) : null}

      {canManage && offer?.status === "accepted" ? (
        <Form method="post" noValidate className="stack card">
          <h3>They are not coming after all</h3>
          <p>Record it for them when they tell you they will not start.</p>
          <ErrorSummary errors={errorsFor("offer-withdraw")} />
          <ChoiceGroup {...field("offer-withdraw", "withdrawalReason")} type="radio" label="The main reason" options={WITHDRAWAL_REASONS} />
          <TextArea {...field("offer-withdraw", "note")} label="Anything more (optional)" />
          <button type="submit" name="intent" value="offer-withdraw" className="button warning">
            Record the withdrawal
          </button>
        </Form>
      ) : null}
    </section>
  );
}
