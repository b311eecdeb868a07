import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { currentPrivacyNotice } from "#app/domain/privacy/privacy-notice.server.js";
import { publicOrgScope } from "#app/utils/tenant.server.js";
import { formatUk } from "#app/domain/dates.js";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Privacy notice: ${data.orgName}` : "Privacy notice" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const { org, scoped } = await publicOrgScope(params.slug);
  const notice = await scoped(currentPrivacyNotice);
  return { orgName: org.name, slug: org.slug, ...notice };
}

export default function OrgPrivacyNotice() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>Privacy notice for people applying to {data.orgName}</h1>
      {data.body.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph.slice(0, 40)}>{paragraph}</p>
      ))}
      <p className="hint">
        Version {data.version === 0 ? "1 (the standard notice)" : data.version}
        {data.publishedAt ? `, published ${formatUk(data.publishedAt, { dateStyle: "long" })}` : ""}.
      </p>
      <p>
        <Link to={`/o/${data.slug}/jobs`}>See jobs at {data.orgName}</Link>
      </p>
    </div>
  );
}
