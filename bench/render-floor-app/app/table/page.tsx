import { DynamicPage } from "../dynamic";
import { Rows } from "../rows";

// The heading and one page of the earnings list, rendered on every request.
export default function Page() {
  return (
    <DynamicPage>
      <Rows seed="en" />
    </DynamicPage>
  );
}
