import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { renderJunit } from "../../src/reporters/render-junit.ts";
import { ACCOUNT_ID, OTHER_ID, sampleReport } from "../sample-report.ts";

interface JunitCase {
  classname: string;
  name: string;
  failure?: { type: string; message: string; "#text": string };
  error?: { message: string };
  skipped?: { message: string };
}
interface JunitDocument {
  testsuites: Record<string, string> & { testsuite: Array<{ name: string; testcase: JunitCase[] }> };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["testsuite", "testcase"].includes(name),
});

describe("renderJunit", () => {
  const xml = renderJunit(sampleReport);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has a testcase per rule x resource with failure, error and skipped as appropriate", () => {
    const document = parser.parse(xml) as JunitDocument;
    expect(document.testsuites).toMatchObject({ tests: "6", failures: "2", errors: "1", skipped: "2" });
    const suites = document.testsuites.testsuite;
    expect(suites.map((suite) => suite.name)).toEqual(["sample.public-access", "sample.tls", "sample.versioning"]);
    const cases = suites.flatMap((suite) => suite.testcase);
    expect(cases).toHaveLength(6);
    const publicAccess = cases.find(
      (testcase) => testcase.classname === "sample.public-access" && testcase.name === ACCOUNT_ID,
    );
    expect(publicAccess?.failure).toMatchObject({ type: "critical", message: "allowBlobPublicAccess is true" });
    expect(publicAccess?.failure?.["#text"]).toContain(
      "properties.allowBlobPublicAccess = true (expected false or absent)",
    );
    const errored = cases.find((testcase) => testcase.classname === "sample.tls" && testcase.name === OTHER_ID);
    expect(errored?.error?.message).toBe("could not evaluate: 403 & co");
    const suppressed = cases.find((testcase) => testcase.classname === "sample.tls" && testcase.name === ACCOUNT_ID);
    expect(suppressed?.skipped?.message).toContain("suppressed until 2099-01-01: legacy client <until> migration");
  });
});
