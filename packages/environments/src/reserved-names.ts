/**
 * ARM's rule for resources with a public endpoint (a storage account's `<name>.blob.core.windows.net`): these names
 * are refused with ReservedResourceName ("The resource name ... or a part of the name is a trademarked or reserved
 * word"). As Microsoft's page "Resolve errors for reserved resource names" lists them: the words below as the whole
 * name, MICROSOFT and WINDOWS anywhere in it, LOGIN at its start. Checked with the environment, before any call.
 */
const WHOLE = [
  "access",
  "app_code",
  "app_themes",
  "app_data",
  "app_globalresources",
  "app_localresources",
  "app_webreferences",
  "app_browsers",
  "azure",
  "bing",
  "bizspark",
  "biztalk",
  "cortana",
  "directx",
  "dotnet",
  "dynamics",
  "excel",
  "exchange",
  "forefront",
  "groove",
  "hololens",
  "hyperv",
  "kinect",
  "lync",
  "msdn",
  "o365",
  "office",
  "office365",
  "onedrive",
  "onenote",
  "outlook",
  "powerpoint",
  "sharepoint",
  "skype",
  "visio",
  "visualstudio",
  "web.config",
  "xbox",
];
const ANYWHERE = ["microsoft", "windows"];
const AT_START = ["login"];

/** The reserved word a name breaks the rule with, or undefined. */
export function reservedWordIn(name: string): string | undefined {
  const lower = name.toLowerCase();
  return (
    WHOLE.find((word) => lower === word) ??
    ANYWHERE.find((word) => lower.includes(word)) ??
    AT_START.find((word) => lower.startsWith(word))
  );
}
