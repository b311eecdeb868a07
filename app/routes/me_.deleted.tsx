import type { MetaFunction } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Your data has been deleted" }];

export default function Deleted() {
  return (
    <div className="narrow">
      <h1>Your data has been deleted</h1>
      <p className="lede">We have deleted your details and your answers, and signed you out.</p>
      <p>We keep only counts with no name on them. You can apply again at any time.</p>
    </div>
  );
}
