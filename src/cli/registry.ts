/**
 * The registry of official administrative units (data/don-vi-hanh-chinh-2025.json.gz, shipped with the CLI; its
 * source and date are in the README), read once when a command needs it.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { RegistryData, RegistryProvince, UnitRegistry } from "../scoring/units";
import { CliError } from "./errors";

const FILE = "don-vi-hanh-chinh-2025.json.gz";
let loaded: UnitRegistry | null = null;

/** src/cli and lib/cli both sit two folders below the package root. */
export function registryPath(): string {
  return join(__dirname, "..", "..", "data", FILE);
}

export function unitRegistry(): UnitRegistry {
  if (loaded) return loaded;
  const path = registryPath();
  if (!existsSync(path)) {
    throw new CliError(
      `Thiếu danh sách đơn vị hành chính (data/${FILE}) trong bản cài đặt PAR Scorer: cài lại (npm install)`,
      `The registry of administrative units (data/${FILE}) is missing from this PAR Scorer installation: reinstall it (npm install)`,
    );
  }
  loaded = new UnitRegistry(JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as RegistryData);
  return loaded;
}

/** --province NAME: the province, or a CliError naming the closest official ones. */
export function provinceNamed(name: string): RegistryProvince {
  const registry = unitRegistry();
  const found = registry.province(name);
  if (found) return found;
  const close = registry.closestProvinces(name).map((p) => p.fullName).join(", ");
  throw new CliError(
    `--province "${name}": không có tỉnh, thành phố nào tên như vậy trong 34 tỉnh, thành phố từ ngày 01/07/2025. Gần nhất: ${close}`,
    `--province "${name}": no such province or city among the 34 since 1 July 2025. Closest: ${close}`,
  );
}
