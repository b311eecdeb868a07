import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Privacy notice" }];

export default function Privacy() {
  return (
    <div className="narrow">
      <h1>Privacy notice for people applying</h1>
      <p className="lede">This explains, in plain words, what happens to the answers you give when you apply.</p>
      <h2>What we keep</h2>
      <p>
        What you tell us when you apply. That is your name, email, phone number and town or postcode. It is when you could work, and if you
        have worked in care. It is how you heard about the job, and if you have the right to work in the UK. It is also what would help you
        with the next steps.
      </p>
      <h2>Why we keep it</h2>
      <p>Only to think about you for jobs with the care provider you applied to. And to keep in touch about your application.</p>
      <h2>Who sees it</h2>
      <p>
        Staff of that care provider who help with hiring, and members of the team you would join. Other care providers using Circle Hire
        never see it.
      </p>
      <h2>How long we keep it</h2>
      <p>Until your application ends, and then only as long as the law asks. You can ask the care provider to delete it at any time.</p>
    </div>
  );
}
