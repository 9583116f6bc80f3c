// The demo's story, in order: each step is a real root command, the exit code it should end with, and what it shows.

export interface DemoStep {
  title: string;
  /** `pnpm run` script and its arguments after `--`. */
  script: string;
  args: readonly string[];
  /** What a person types to do the same. */
  typed: string;
  /** The exit code the step must end with; 3 means "ran fine, needs attention" (see README's exit codes). */
  expect: number;
  /** Printed after the step when it ended as expected. */
  outcome: string;
  /** Why the step is not run, when it is not. */
  skip?: string;
}

function step(script: string, args: readonly string[], rest: Omit<DemoStep, "script" | "args" | "typed">): DemoStep {
  const typed = `pnpm run ${script}${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`;
  return { script, args, typed, ...rest };
}

export function demoSteps(options: { rehearsal: boolean }): DemoStep[] {
  return [
    step("whoami", [], {
      title: "Who am I? The credential chain, the identity and its roles (here the emulator's `ops` service principal)",
      expect: 0,
      outcome:
        "signed in; the same code uses `az login` on a laptop, OIDC in GitHub Actions, managed identity on Azure",
    }),
    step("audit", [], {
      title:
        "Audit what is already there: the seeded subscription holds a brownfield storage account, rg-legacy/legacydata001",
      expect: 3,
      outcome:
        "exit 3 is expected: the audit ran fine and the legacy account fails the baseline (public blobs, TLS 1.0, shared key...)",
    }),
    step("plan", ["--env", "local"], {
      title: "Plan the `local` environment (packages/environments/environments/local.ts): nothing changes yet",
      expect: 0,
      outcome: "the plan above is everything provision will do",
    }),
    step("provision", ["--env", "local", "--yes"], {
      title: "Provision it: the same plan, then apply in dependency order (--yes answers the confirmation)",
      expect: 0,
      outcome: "applied; every resource carries the ownership tags managed-by, environment and task",
    }),
    step("plan", ["--env", "local"], {
      title: "Plan again: Azure now matches the repository",
      expect: 0,
      outcome: "no changes: provisioning is idempotent",
    }),
    step("audit", ["--env", "local"], {
      title:
        "Audit again: what we provisioned passes by construction; the unowned legacy account is reported, never touched",
      expect: 3,
      outcome: "exit 3 is expected: every finding is on rg-legacy, none on the rg-loc-* groups just provisioned",
    }),
    step("rehearse", ["--workflow", "plan"], {
      title:
        "The pull-request workflow through the GitHub Actions OIDC path: plan.yml's run-steps, signed in as " +
        "repo:acme/infra:pull_request through the emulator's GitHub token service (no secrets)",
      expect: 0,
      outcome: "each touched environment was planned by its read-only identity, as a pull request would be",
      ...(options.rehearsal
        ? {}
        : { skip: "scripts/rehearse.ts is not in this checkout yet (see docs/github-actions.md)" }),
    }),
  ];
}
