import { DynamicPage } from "./dynamic";

// The heading alone: this app's own bare page, the denominator of its ratios.
export default function Page() {
  return <DynamicPage />;
}
