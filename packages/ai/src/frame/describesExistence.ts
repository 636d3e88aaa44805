/** The kinds a request can ask to create, as words. */
export const CREATABLE = String.raw`(?:pod|deployment|deploy|namespace|service|svc|config\s*map|configmap|secret|stateful\s*set|statefulset|sts|job|one-off\s+job|cron\s*job|cronjob|service\s*account|serviceaccount|hpa|horizontal\s+pod\s+autoscaler|network\s*policy|networkpolicy|netpol|role|rolebinding|canary|quota|resource\s*quota)s?`;
/** The verbs that open a creation. */
export const CREATE_VERB = String.raw`(?:create|make|add|new|launch|spin\s+up|set\s+up|provision|generate|build|start|run|i\s+need|i\s+want|give\s+me)`;

/** `res7 should be a deployment of nginx:1.27`: the new name, said to be an object of a kind. */
export const NAMED_TO_BE = new RegExp(
  String.raw`^([a-z0-9][\w.-]*)\s+(?:should|must|will|shall|is\s+to|needs\s+to)\s+be\s+(?:an?\s+)?(?:new\s+)?(?:[\w.:/-]+\s+)?${CREATABLE}\b`,
  'i',
);

/** Whether the request asks for something to exist rather than saying how to make it (`a namespace qa-3 is needed`). */
export function describesExistence(text: string, exists: (name: string) => boolean = () => false): boolean {
  const kind = new RegExp(String.raw`\b${CREATABLE}\b`, 'i');
  if (!kind.test(text)) return false;
  return (
    /\b(?:is|are)\s+(?:needed|required|wanted|missing)\b|\b(?:should|must|needs?\s+to)\s+(?:now\s+|also\s+)?(?:exist|be\s+created|be\s+there|be\s+added)\b/i.test(
      text,
    ) ||
    /^there\s+(?:should|must|needs\s+to|has\s+to)\s+be\b/i.test(text) ||
    new RegExp(
      String.raw`^(?:we|i)\s+(?:need|want|require)\s+(?:an?\s+|one\s+)?(?:new\s+|fresh\s+|separate\s+)?${CREATABLE}\b`,
      'i',
    ).test(text) ||
    new RegExp(
      String.raw`^[a-z0-9][\w.-]*\s+(?:needs|requires|should\s+get|should\s+have)\s+(?:an?\s+|one\s+)(?:new\s+|fresh\s+)?${CREATABLE}\s+(?:named|called)\b`,
      'i',
    ).test(text) ||
    // A terse statement of the object: `Deployment res4, image nginx:1.27, …`, `res5: an nginx:1.27 deployment …`.
    // A name the cluster already has is the object being changed (`service backend: annotate with owner=alice`).
    [
      new RegExp(String.raw`^(?:new\s+)?${CREATABLE}\s+([a-z0-9][\w.-]*)\s*(?:[,:;(]|\s-\s|\s–\s)`, 'i'),
      new RegExp(String.raw`^${CREATE_VERB}\s+([a-z0-9][\w.-]*)\s*:\s+(?:an?\s+)?(?:[\w.:/-]+\s+)?${CREATABLE}\b`, 'i'),
      // The kind and a new name alone (`Namespace qa-7`), or a new name said to be one (`res7 should be a deployment …`).
      new RegExp(String.raw`^(?:new\s+)?${CREATABLE}\s+([a-z0-9][\w.-]*)$`, 'i'),
      NAMED_TO_BE,
    ].some((form) => {
      const name = text.match(form)?.[1];
      return name !== undefined && !exists(name.toLowerCase());
    })
  );
}
