import { SelectField, TextArea, TextField } from "./forms.js";
import { formatUk } from "#app/domain/dates.js";

export type ShiftFieldValues = Partial<
  Record<"hostMemberId" | "date" | "startTime" | "endTime" | "meetingPoint" | "visitDetails" | "bringAndWear", string>
>;

/**
 * The fields of a shadow shift, for offering a slot, proposing a time or moving one. The meeting
 * point is always shown to the candidate; the visit details only once they have confirmed.
 */
export function ShiftFields({
  hosts,
  errors,
  values,
}: {
  hosts: { id: string; label: string }[];
  errors: Record<string, string>;
  values: ShiftFieldValues;
}) {
  return (
    <>
      <SelectField
        name="hostMemberId"
        label="Host"
        hint="A member of the team with a staff sign-in."
        options={Object.fromEntries(hosts.map((h) => [h.id, h.label]))}
        placeholder="Choose the host"
        error={errors.hostMemberId}
        defaultValue={values.hostMemberId}
      />
      <TextField name="date" type="date" label="Date" error={errors.date} defaultValue={values.date} />
      <TextField
        name="startTime"
        type="time"
        label="Starts (UK time)"
        error={errors.startTime}
        defaultValue={values.startTime ?? "09:00"}
      />
      <TextField name="endTime" type="time" label="Ends (UK time)" error={errors.endTime} defaultValue={values.endTime ?? "13:00"} />
      <TextField
        name="meetingPoint"
        label="Where to meet"
        hint="Always shown to the candidate. Use a public place or the office, never a client's home."
        error={errors.meetingPoint}
        defaultValue={values.meetingPoint}
      />
      <TextArea
        name="visitDetails"
        label="Visit details (optional)"
        hint="Where the visit is and who they will meet. The candidate sees this only once the shift is confirmed."
        error={errors.visitDetails}
        defaultValue={values.visitDetails}
      />
      <TextArea
        name="bringAndWear"
        label="What to bring and wear (optional)"
        error={errors.bringAndWear}
        defaultValue={values.bringAndWear}
      />
    </>
  );
}

/** The date and times of a stored shift, in UK time, as the form's fields expect them. */
export function shiftFieldValues(shift: {
  startsAt: string | Date;
  endsAt: string | Date;
  hostMemberId: string;
  meetingPoint: string;
  visitDetails: string;
  bringAndWear: string;
}): ShiftFieldValues {
  const part = (d: string | Date, options: Intl.DateTimeFormatOptions) => formatUk(d, options);
  const date = (d: string | Date) => {
    const [day, month, year] = part(d, { day: "2-digit", month: "2-digit", year: "numeric" }).split("/");
    return `${year}-${month}-${day}`;
  };
  const time = (d: string | Date) => part(d, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return {
    hostMemberId: shift.hostMemberId,
    date: date(shift.startsAt),
    startTime: time(shift.startsAt),
    endTime: time(shift.endsAt),
    meetingPoint: shift.meetingPoint,
    visitDetails: shift.visitDetails,
    bringAndWear: shift.bringAndWear,
  };
}
