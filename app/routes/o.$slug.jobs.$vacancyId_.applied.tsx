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
      <h2>Equal opportunities questions (optional)</h2>
      <p>
        You can also answer a few questions about you, such as your age group. You do not have to. They help us check we treat everyone
        fairly. The people who decide on your application never see your answers. We only count them up for groups of 5 people or more. To
        answer, sign in from our email. Then choose "Equal opportunities questions" under your application.
      </p>
      <p>
        <Link to="/me">See your applications</Link>
      </p>
      <p>
        <Link to={`/o/${slug}/jobs`}>See other jobs</Link>
      </p>
    </div>
  );
}
