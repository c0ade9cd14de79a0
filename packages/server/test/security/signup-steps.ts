// Small steps the SECURITY.md A–C tests share: a client whose flow is at a given step, over real HTTP.
import type { Client } from '../helpers/client.ts';
import { uniqueEmail, type TestStack } from '../helpers/harness.ts';

/** A six-digit code that is not `code`. */
export function wrongCodeFor(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

/** Starts a sign-up for `email` on a fresh client; returns the client and the code that was mailed. */
export async function startedSignUp(
  stack: TestStack,
  email: string = uniqueEmail(),
  client: Client = stack.client(),
): Promise<{ client: Client; email: string; code: string }> {
  const start = await client.post('/signup/email', { email });
  if (start.status !== 202) throw new Error(`signup/email: ${start.status} ${start.text}`);
  await stack.drain();
  return { client, email, code: stack.smtp.codeFor(email) };
}

/** A fresh client whose sign-up flow has its code verified: the next step is the password and names. */
export async function atDetails(
  stack: TestStack,
  email: string = uniqueEmail(),
): Promise<{ client: Client; email: string }> {
  const { client, code } = await startedSignUp(stack, email);
  const verified = await client.post('/signup/code', { code });
  if (verified.status !== 200) throw new Error(`signup/code: ${verified.status} ${verified.text}`);
  return { client, email };
}

/** A fresh client whose password-reset flow for `email` has its code verified: the next step is the new password. */
export async function atNewPassword(stack: TestStack, email: string): Promise<Client> {
  const client = stack.client();
  const forgot = await client.post('/password/forgot', { email });
  if (forgot.status !== 202) throw new Error(`password/forgot: ${forgot.status} ${forgot.text}`);
  await stack.drain();
  const verified = await client.post('/password/code', { code: stack.smtp.codeFor(email) });
  if (verified.status !== 200) throw new Error(`password/code: ${verified.status} ${verified.text}`);
  return client;
}
