// The READMEs link to the depth moved into docs/<package>.md (absolute GitHub URLs, since a published
// README may not link outside its package) and docs link back and to each other. Every such link must
// land on a file of the repository and, with a #fragment, on one of its headings (issue 16).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const GITHUB = "https://github.com/scaleway-blocks/scaleway-blocks/blob/main/";

let slug: (heading: string) => string;
beforeAll(async () => {
  ({ slug } = (await import(pathToFileURL(join(root, "scripts", "readme-tables.mjs")).href)) as {
    slug: (heading: string) => string;
  });
});

const markdownFiles = [
  "README.md",
  "CONTRIBUTING.md",
  ...["packages", "deployments"].flatMap((dir) =>
    readdirSync(join(root, dir))
      .map((name) => `${dir}/${name}/README.md`)
      .filter((file) => existsSync(join(root, file))),
  ),
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks (a "#" line in a shell snippet is no heading). */
function withoutCode(text: string): string {
  let fence: string | undefined;
  return text
    .split("\n")
    .filter((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined && marker) fence = marker;
      else if (fence !== undefined && marker?.startsWith(fence)) fence = undefined;
      else return fence === undefined;
      return false;
    })
    .join("\n");
}

/** The anchors GitHub gives a Markdown file's headings ("-1", "-2"… for repeated ones). */
function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading = ""] of withoutCode(readFileSync(file, "utf8")).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading.trim());
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The links of a Markdown file that point into the repository, resolved to a path and a fragment. */
function repositoryLinks(file: string): { link: string; path: string; fragment: string }[] {
  const text = withoutCode(readFileSync(join(root, file), "utf8"));
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, link = ""]) => {
    let target: string;
    if (link.startsWith(GITHUB)) target = join(root, link.slice(GITHUB.length));
    else if (/^(?:[a-z]+:|#)/i.test(link))
      return link.startsWith("#") ? [{ link, path: join(root, file), fragment: link.slice(1) }] : [];
    else target = join(root, dirname(file), link);
    const [path = "", fragment = ""] = target.split("#");
    return [{ link, path: normalize(path), fragment }];
  });
}

describe("links between the READMEs and docs/", () => {
  it("checks the READMEs, CONTRIBUTING and every docs page", () => {
    expect(markdownFiles).toContain("docs/database.md");
    expect(markdownFiles).toContain("packages/database/README.md");
  });

  it("knows a heading's anchor the way GitHub makes it", () => {
    expect(slug("API key rotation (serverless `iamAccess`)")).toBe("api-key-rotation-serverless-iamaccess");
    expect(slug("Promotion: dev → staging → production")).toBe("promotion-dev--staging--production");
  });

  it.each(markdownFiles)("%s links only to files and headings that exist", (file) => {
    const broken = repositoryLinks(file)
      .filter(({ path, fragment }) => {
        if (!existsSync(path)) return true;
        if (!fragment || !path.endsWith(".md") || statSync(path).isDirectory()) return false;
        return !anchorsOf(path).has(fragment);
      })
      .map(({ link, path }) => `${link} (${relative(root, path)})`);
    expect(broken).toEqual([]);
  });
});
