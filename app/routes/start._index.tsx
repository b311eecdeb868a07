import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { ErrorSummary, TextField } from "#app/components/forms.js";
import { useSchemaForm } from "#app/components/use-schema-form.js";
import { OrganisationError } from "#app/domain/organisations/organisation.errors.js";
import { PASSWORD_MIN, SignUpSchema } from "#app/domain/organisations/organisation.schema.js";
import { signUpOrganisation } from "#app/domain/organisations/sign-up-organisation.server.js";
import { readForm } from "#app/utils/form.server.js";
import { hashPassword } from "#app/utils/password.server.js";
import { hitRateLimit } from "#app/utils/rate-limit.server.js";
import { startSession } from "#app/utils/session.server.js";
import { newOrgScope } from "#app/utils/tenant.server.js";
import { formValues, parseForm } from "#app/utils/validation.js";

export const meta: MetaFunction = () => [{ title: "Start using Circle Hire" }];

type ActionData = { fieldErrors: Record<string, string>; values: Record<string, string | string[]> };

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const result = parseForm(formData, SignUpSchema);
  // Never send the password back to the page.
  const values = { ...formValues(formData), password: "" };
  if (!result.ok) return Response.json({ fieldErrors: result.fieldErrors, values }, { status: 400 });
  if (!(await hitRateLimit("signUpByIp", context.clientIp ?? "unknown"))) {
    return Response.json(
      { fieldErrors: { form: "We have had several sign-ups from your connection. Please try again in an hour." }, values },
      { status: 429 },
    );
  }
  const { password, ...input } = result.data;
  const passwordHash = await hashPassword(password);
  const { run } = newOrgScope();
  try {
    const cookie = await run(async (ctx) => {
      const { userId } = await signUpOrganisation(ctx, { ...input, passwordHash });
      return startSession(ctx.trx, { userId });
    });
    return redirect("/start/welcome", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (error instanceof OrganisationError) {
      return Response.json({ fieldErrors: { [error.field]: error.message }, values }, { status: 409 });
    }
    throw error;
  }
}

type SlugCheck = { slug: string; available: boolean | null; message: string };

/** With JavaScript: says whether the web address is free while it is typed (the server checks again on submit). */
function useSlugCheck() {
  const fetcher = useFetcher<SlugCheck>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  return {
    check(slug: string) {
      clearTimeout(timer.current);
      const value = slug.trim().toLowerCase();
      if (!value) return;
      timer.current = setTimeout(() => fetcher.load(`/start/slug?slug=${encodeURIComponent(value)}`), 300);
    },
    result: fetcher.data,
  };
}

export default function Start() {
  const actionData = useActionData<ActionData>();
  const form = useSchemaForm(SignUpSchema);
  const errors = Object.keys(form.errors).length ? form.errors : (actionData?.fieldErrors ?? {});
  const value = (name: string) => String(actionData?.values?.[name] ?? "");
  const slugCheck = useSlugCheck();
  const [slugTyped, setSlugTyped] = useState(false);
  const shownCheck = slugTyped && !errors.slug ? slugCheck.result : undefined;
  return (
    <div className="narrow">
      <h1>Start using Circle Hire</h1>
      <p className="lede">Set up your care organisation in a minute. You will be its first admin and can invite your colleagues next.</p>
      <Form method="post" noValidate className="stack" onSubmit={form.onSubmit} onChange={form.onChange}>
        <ErrorSummary errors={errors} />
        <TextField
          name="orgName"
          label="Your organisation's name"
          hint="As candidates know it, for example Heathside Care."
          autoComplete="organization"
          error={errors.orgName}
          defaultValue={value("orgName")}
        />
        <TextField
          name="slug"
          label="Web address for your careers page"
          hint="Lowercase letters, digits and hyphens, for example heathside-care. Your jobs will be at /o/ followed by this."
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          error={errors.slug}
          defaultValue={value("slug")}
          onInput={(event) => {
            setSlugTyped(true);
            slugCheck.check(event.currentTarget.value);
          }}
        />
        <p className={shownCheck?.available === false ? "error-message" : "hint"} aria-live="polite" id="slug-status">
          {shownCheck?.message ?? ""}
        </p>
        <h2>You, the first admin</h2>
        <TextField name="adminName" label="Your name" autoComplete="name" error={errors.adminName} defaultValue={value("adminName")} />
        <TextField
          name="email"
          type="email"
          label="Your work email address"
          hint="We will send a link to confirm it. You can publish vacancies once it is confirmed."
          autoComplete="email"
          spellCheck={false}
          error={errors.email}
          defaultValue={value("email")}
        />
        <TextField
          name="password"
          type="password"
          label="Choose a password"
          hint={`At least ${PASSWORD_MIN} characters. A few words you will remember work well.`}
          autoComplete="new-password"
          error={errors.password}
        />
        <button type="submit" className="button">
          Create my organisation
        </button>
      </Form>
    </div>
  );
}
