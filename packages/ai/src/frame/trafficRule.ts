const RULE = String.raw`(?:den(?:y|ies|ying|ied)|block\w*|isolat\w*|allow\w*|permit\w*|let|restrict\w*|only|accept\w*|lock\w*\s+down)`;
const FLOW = String.raw`(?:traffic|ingress|egress|incoming|inbound|outgoing|outbound|connect\w*|reach|talk|dns)`;

/**
 * A rule about network traffic, in either order: a word that allows, denies or restricts (`allow`, `only`,
 * `accept`, `lock down`) and a word of traffic (`ingress`, `connect`, `reach`) — `allow ingress to backend`,
 * `backend should accept traffic only from frontend`, `only frontend should be allowed to connect to backend`.
 */
export const TRAFFIC_RULE = new RegExp(String.raw`\b${RULE}\b.*\b${FLOW}\b|\b${FLOW}\b.*\b${RULE}\b`, 'i');
