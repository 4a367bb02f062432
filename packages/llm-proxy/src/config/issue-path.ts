/**
 * A validation issue's path as people write it: `tenants[1].limits.dailyTokens`, `messages[0].role`.
 *
 * @example
 * issuePath(['tenants', 1, 'limits', 'dailyTokens']) // 'tenants[1].limits.dailyTokens'
 */
export function issuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/**
 * The first issue of a failed zod parse as one line: its path and its message.
 *
 * @example
 * firstIssue(result.error.issues) // { path: 'messages[0].role', message: 'messages[0].role: Invalid option…' }
 */
export function firstIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): {
  path: string;
  message: string;
} {
  const issue = issues[0];
  if (issue === undefined) return { path: '', message: 'invalid' };
  const path = issuePath(issue.path);
  return { path, message: path === '' ? issue.message : `${path}: ${issue.message}` };
}
