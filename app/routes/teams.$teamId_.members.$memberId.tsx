import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextArea, TextField } from "#app/components/forms.js";
import { londonDay } from "#app/domain/london-day.js";
import { editMember, moveMember, recordMemberLeft } from "#app/domain/teams/manage-members.server.js";
import { TeamError } from "#app/domain/teams/team.errors.js";
import { EXPERIENCE, MemberLeftSchema, MemberSchema, MoveMemberSchema } from "#app/domain/teams/team.schema.js";
import { readForm } from "#app/utils/form.server.js";
import { fieldErrorResponse, requireUuid } from "#app/utils/http-errors.server.js";
import { MANAGE_ROLES } from "#app/utils/session.server.js";
import { staffScope } from "#app/utils/tenant.server.js";
import { parseForm } from "#app/utils/validation.js";
import { findTeamById, listActiveTeams, listMemberships } from "#db/queries/teams.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.member.name}, ${data.team.name}` : "Team member" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scoped } = await staffScope(request, MANAGE_ROLES);
  const teamId = requireUuid(params.teamId);
  const memberId = requireUuid(params.memberId);
  const found = await scoped(async (trx) => {
    const [team, member] = await Promise.all([
      findTeamById(trx, teamId),
      trx
        .selectFrom("teamMembers")
        .select(["id", "name", "email", "experience", "joinedOn", "userId"])
        .where("id", "=", memberId)
        .where("teamId", "=", teamId)
        .where("leftOn", "is", null)
        .executeTakeFirst(),
    ]);
    if (!team || !member) return null;
    const [teams, accounts, history] = await Promise.all([
      listActiveTeams(trx),
      trx.selectFrom("users").select(["id", "name"]).orderBy("name").execute(),
      listMemberships(trx, member.id),
    ]);
    return { team, member, teams: teams.filter((t) => t.id !== team.id), accounts, history };
  });
  if (!found) throw new Response("We could not find that member.", { status: 404 });
  return { ...found, today: londonDay() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { staff, run } = await staffScope(request, MANAGE_ROLES);
  const teamId = requireUuid(params.teamId);
  const memberId = requireUuid(params.memberId);
  const actor = { userId: staff.userId, name: staff.name };
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  form.set("memberId", memberId);
  const schema = intent === "move" ? MoveMemberSchema : intent === "left" ? MemberLeftSchema : intent === "edit" ? MemberSchema : null;
  if (!schema) return Response.json({ intent, fieldErrors: { form: "Choose what to do" }, values: {} }, { status: 400 });
  const result = parseForm(form, schema);
  if (!result.ok) return Response.json({ intent, fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  try {
    if (intent === "edit") {
      await run((ctx) => editMember(ctx, { ...(result.data as typeof MemberSchema._zod.output), teamId, memberId, actor }));
      return redirect(`/teams/${teamId}/members/${memberId}?saved=1`);
    }
    if (intent === "move") {
      const data = result.data as typeof MoveMemberSchema._zod.output;
      await run((ctx) => moveMember(ctx, { ...data, teamId, actor }));
      return redirect(`/teams/${data.toTeamId}?moved=1`);
    }
    await run((ctx) => recordMemberLeft(ctx, { ...(result.data as typeof MemberLeftSchema._zod.output), teamId, actor }));
    return redirect(`/teams/${teamId}?left=1`);
  } catch (error) {
    if (error instanceof TeamError && error.field === "memberId") throw new Response(error.message, { status: 404 });
    return fieldErrorResponse(error, { ...result.data, intent }, [TeamError]);
  }
}

export default function MemberPage() {
  const { team, member, teams, accounts, history, today } = useLoaderData<typeof loader>();
  const data = useActionData<{ intent?: string; fieldErrors: Record<string, string>; values: Record<string, string> }>();
  const errorsFor = (intent: string) => (data?.intent === intent || data?.values?.intent === intent ? data.fieldErrors : {});
  const v = (intent: string, name: string, fallback?: string | null) =>
    data?.intent === intent || data?.values?.intent === intent ? (data?.values?.[name] ?? "") : (fallback ?? undefined);
  const edit = errorsFor("edit");
  const move = errorsFor("move");
  const left = errorsFor("left");
  return (
    <div className="narrow">
      <p>
        <Link to={`/teams/${team.id}`}>Back to {team.name}</Link>
      </p>
      <h1>{member.name}</h1>
      <p className="lede">
        Member of {team.name} since {member.joinedOn}.
      </p>
      <Form method="post" noValidate className="stack card" aria-labelledby="edit-title">
        <h2 id="edit-title">Their details</h2>
        <ErrorSummary errors={edit} />
        <TextField name="name" label="Full name" error={edit.name} defaultValue={v("edit", "name", member.name)} />
        <TextField
          name="email"
          type="email"
          label="Email address (optional)"
          error={edit.email}
          defaultValue={v("edit", "email", member.email)}
        />
        <SelectField
          name="experience"
          label="Background"
          options={EXPERIENCE}
          error={edit.experience}
          defaultValue={v("edit", "experience", member.experience)}
        />
        <TextField
          name="joinedOn"
          type="date"
          label="The day they joined"
          max={today}
          error={edit.joinedOn}
          defaultValue={v("edit", "joinedOn", member.joinedOn)}
        />
        <SelectField
          name="userId"
          label="Staff account they vote with (optional)"
          placeholder="None"
          options={Object.fromEntries(accounts.map((a) => [a.id, a.name]))}
          error={edit.userId}
          defaultValue={v("edit", "userId", member.userId)}
        />
        <button type="submit" name="intent" value="edit" className="button">
          Save their details
        </button>
      </Form>

      <Form method="post" noValidate className="stack card" aria-labelledby="move-title">
        <h2 id="move-title">Move to another team</h2>
        <ErrorSummary errors={move} />
        <SelectField
          name="toTeamId"
          label="The team they are moving to"
          placeholder="Choose a team"
          options={Object.fromEntries(teams.map((t) => [t.id, `${t.name} (${t.town})`]))}
          error={move.toTeamId}
          defaultValue={v("move", "toTeamId")}
        />
        <TextField
          name="movedOn"
          id="movedOn"
          type="date"
          label="The day they moved"
          max={today}
          error={move.movedOn}
          defaultValue={v("move", "movedOn", today)}
        />
        <button type="submit" name="intent" value="move" className="button secondary">
          Move them
        </button>
      </Form>

      <Form method="post" noValidate className="stack card" aria-labelledby="left-title">
        <h2 id="left-title">They have left</h2>
        <ErrorSummary errors={left} />
        <TextField
          name="leftOn"
          type="date"
          label="The day they left"
          max={today}
          error={left.leftOn}
          defaultValue={v("left", "leftOn", today)}
        />
        <TextArea
          name="reason"
          label="Why they left"
          hint="In a few words, for example: moved away, a job elsewhere."
          error={left.reason}
          defaultValue={v("left", "reason")}
        />
        <button type="submit" name="intent" value="left" className="button secondary">
          Record that they left
        </button>
      </Form>

      <section aria-labelledby="history-title">
        <h2 id="history-title">Their teams</h2>
        <ul>
          {history.map((h) => (
            <li key={`${h.teamId}-${h.fromOn}`}>
              {h.teamName}: from {h.fromOn}
              {h.toOn ? ` to ${h.toOn}` : " (now)"}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
