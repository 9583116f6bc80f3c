/** Azure storage writes timestamps with 7 fractional digits (.NET ticks): `2017-05-24T13:25:33.4863236Z`. */
export function azureTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}
