/** @opspilot/git — reads a git repository's history (simple-git over the git binary). */
export { type GitHistoryOptions, type GitLogEntry, readGitHistory } from './readGitHistory.js';
