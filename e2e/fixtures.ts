import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export interface Credentials {
  name: string;
  email: string;
  password: string;
  role: "learner" | "trainer";
}

/** Page object for the account flows: every test signs up its own fresh user. */
export class AccountPages {
  constructor(private readonly page: Page) {}

  newCredentials(role: Credentials["role"] = "learner"): Credentials {
    const id = randomUUID().slice(0, 8);
    return { name: `E2E ${role} ${id}`, email: `e2e-${id}@example.com`, password: `pass-${id}-long`, role };
  }

  async signUp(role: Credentials["role"] = "learner"): Promise<Credentials> {
    const user = this.newCredentials(role);
    await this.page.goto("/sign-up");
    await this.page.getByLabel("Name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("radio", { name: new RegExp(role, "i") }).check();
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page).toHaveURL(/\/dashboard$/);
    return user;
  }

  async signIn(user: Pick<Credentials, "email" | "password">) {
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  }
}

export const test = base.extend<{ account: AccountPages }>({
  account: async ({ page }, use) => {
    await use(new AccountPages(page));
  },
});

export { expect };
