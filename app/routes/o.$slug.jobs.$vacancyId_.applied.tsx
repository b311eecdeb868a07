import type { MetaFunction } from "@remix-run/node";
import { Link, useParams } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Thank you for applying" }];

export default function Applied() {
  const { slug } = useParams();
  return (
    <div className="narrow">
      <h1>Thank you for applying</h1>
      <p className="lede">We have sent you an email. It has a link to see your application.</p>
      <h2>What happens next</h2>
      <p>We will invite you to a short survey about what matters to you at work. There are no right or wrong answers.</p>
      <p>If the email has not arrived in a few minutes, check your junk folder.</p>
      <p>
        <Link to={`/o/${slug}/jobs`}>See other jobs</Link>
      </p>
    </div>
  );
}
