/**
 * One problem found in a graph. `nodeId`/`edgeId` let the canvas put the error on the element
 * that causes it; `path` (dot-separated, e.g. `nodes.3.data.level`) points into the document for
 * schema errors. Codes are snake_case strings because they travel to the client inside
 * `INVALID_GRAPH` error details and are matched there.
 */
export type GraphIssueCode =
  // document shape
  | "schema"
  | "too_many_nodes"
  | "too_many_edges"
  | "duplicate_node_id"
  | "duplicate_edge_id"
  // single connections (shared with `isValidConnection`)
  | "missing_node"
  | "unknown_node_kind"
  | "self_loop"
  | "trigger_has_input"
  | "unknown_handle"
  | "wrong_target_kind"
  | "level_order"
  | "trigger_not_to_first_level"
  | "duplicate_edge"
  | "too_many_connections"
  | "cycle"
  // whole-graph structure
  | "no_trigger"
  | "multiple_triggers"
  | "trigger_not_connected"
  | "unreachable_node"
  | "level_without_trigger"
  | "level_without_integration"
  | "branch_without_level"
  | "branch_without_integration"
  | "duplicate_level_number"
  | "level_threshold_not_increasing"
  | "integration_not_chosen"
  | "unknown_integration"
  | "integration_url_not_http";

/**
 * What the interface's translation of a code fills in. Node ids (`node` is always `nodeId`;
 * `otherNode`, `nodes`) are named by the interface in its own language; `nodes` is comma-separated.
 */
export type IssueParams = Record<string, string | number>;

export interface GraphIssue {
  code: GraphIssueCode;
  /** The English sentence for API callers and logs; the interface renders `code` + `params` instead. */
  message: string;
  params?: IssueParams;
  nodeId?: string;
  edgeId?: string;
  path?: string;
}
