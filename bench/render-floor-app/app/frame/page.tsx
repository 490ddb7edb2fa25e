import { DynamicPage } from "../dynamic";
import { Frame } from "../frame";

// The heading inside the app shell's markup: the shell row without its data, session and i18n.
export default function Page() {
  return (
    <Frame>
      <DynamicPage />
    </Frame>
  );
}
