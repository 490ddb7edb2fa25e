import { headers } from "next/headers";

// One dynamic page that reads a request header (so nothing is prerendered) and renders a heading.
export default async function Page() {
  const lang = ((await headers()).get("accept-language") ?? "en").slice(0, 2);
  return <h1>Creator Rewards ({lang})</h1>;
}
