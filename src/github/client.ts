// The one place that loads @actions/github. It is imported dynamically, so a run that needs no
// API (annotations, summary, SARIF) never evaluates Octokit and its HTTP stack.
import type { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

/** An Octokit for the runner's API (`GITHUB_API_URL`, which @actions/github reads itself). */
export async function createOctokit(token: string): Promise<Octokit> {
  const github = await import('@actions/github');
  return github.getOctokit(token);
}
