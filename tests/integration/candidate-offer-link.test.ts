import { afterAll, describe, expect, it } from "vitest";
import { AfterCommit } from "#app/domain/after-commit.js";
import { recordOffer } from "#app/domain/offers/record-offer.server.js";
import { loader as meLoader } from "#app/routes/me.js";
import { loader as offerLoader } from "#app/routes/me_.offer.$applicationId.js";
import { withOrg } from "#db/tenant.js";
import { insertOfferReady, ukDateIn } from "#tests/factories/offer.js";
import { closeOwnerDb, ownerDb } from "#tests/factories/org.js";
import { candidateCookie } from "#tests/factories/shadow.js";

afterAll(closeOwnerDb);

// /me links to "See your job offer" only when there is an offer to see: at the offer step the
// team has said yes, but until the lead records the offer its page would be "Page not found".
describe("the candidate's link to their offer", () => {
  it("appears once the offer is recorded, and then leads to it", async () => {
    const s = await insertOfferReady();
    const cookie = await candidateCookie(s.org.orgId, s.candidateId);
    const myApplication = async () => {
      const data = await meLoader({
        request: new Request("http://localhost/me", { headers: { Cookie: cookie } }),
        params: {},
        context: {},
      });
      if (!data.signedIn) throw new Error("expected the candidate to be signed in");
      return data.applications.find((a) => a.id === s.applicationId);
    };
    const offerPage = () =>
      offerLoader({
        request: new Request(`http://localhost/me/offer/${s.applicationId}`, { headers: { Cookie: cookie } }),
        params: { applicationId: s.applicationId },
        context: {},
      });

    expect(await myApplication()).toMatchObject({ stage: "offer", offerToSee: false });
    await expect(offerPage()).rejects.toMatchObject({ status: 404 });

    await withOrg(ownerDb(), s.org.orgId, (trx) =>
      recordOffer(
        { trx, after: new AfterCommit() },
        {
          applicationId: s.applicationId,
          input: {
            teamId: s.org.teamId,
            buddyMemberId: s.memberIds[0],
            roleTitle: "Care and support worker",
            hours: "24 hours a week",
            pay: "£12.60 an hour",
            startDate: ukDateIn(28),
          },
          actor: { userId: s.org.leadId, name: "Lena Hart" },
        },
      ),
    );
    expect(await myApplication()).toMatchObject({ stage: "offer", offerToSee: true });
    expect(await offerPage()).toMatchObject({ status: "offered", roleTitle: "Care and support worker" });
  });
});
