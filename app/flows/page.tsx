import { FlowList } from "./flow-list";

export default function FlowsPage() {
  return <FlowList />;
}
