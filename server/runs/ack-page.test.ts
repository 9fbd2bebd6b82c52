import { expect, it } from "vitest";
import { ackPage } from "./ack-page";

it("shows alert text as text and offers a POST button only when asked", () => {
  const page = ackPage({
    title: "Acknowledge?",
    message: `<img src=x onerror="alert(1)"> & co`,
    formAction: "/api/runs/1/ack",
  });
  expect(page).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co");
  expect(page).not.toContain("<img");
  expect(page).toContain('<form method="post" action="/api/runs/1/ack">');
  expect(ackPage({ title: "Already resolved", message: "x" })).not.toContain("<form");
});
