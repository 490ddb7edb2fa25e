import { cacheLife } from "next/cache";
import { DynamicPage } from "../../app/dynamic";
import { Rows } from "../../app/rows";

// The same list from Next 16's cache: rendered once, then every request replays the cached
// result ("use cache", cacheComponents builds only).
async function CachedRows({ seed }: { seed: string }) {
  "use cache";
  cacheLife("max");
  return <Rows seed={seed} />;
}

export default function Page() {
  return (
    <DynamicPage>
      <CachedRows seed="en" />
    </DynamicPage>
  );
}
