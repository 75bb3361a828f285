/**
 * The packs and catalogues the product ships, bundled at build time from resources/ and validated
 * when this module is first used. Pure data: importing JSON is done by the bundler, not by I/O here.
 */
import interim42 from '../../resources/catalogues/interim-42.json';
import nantong from '../../resources/policies/nantong.json';
import ningbo2022 from '../../resources/policies/ningbo-2022.json';
import shanghaiHome from '../../resources/policies/shanghai-home.json';
import tianjin from '../../resources/policies/tianjin.json';
import { parseCatalogue, type Catalogue } from './catalogue';
import { parsePolicyPack, type PolicyPack } from './pack';

export const DEFAULT_POLICY_ID = 'ningbo-2022';

let packs: Map<string, PolicyPack> | undefined;
let catalogues: Map<string, Catalogue> | undefined;

function load(): { packs: Map<string, PolicyPack>; catalogues: Map<string, Catalogue> } {
  if (!packs || !catalogues) {
    const list = [
      parsePolicyPack(ningbo2022, 'resources/policies/ningbo-2022.json'),
      parsePolicyPack(shanghaiHome, 'resources/policies/shanghai-home.json'),
      parsePolicyPack(nantong, 'resources/policies/nantong.json'),
      parsePolicyPack(tianjin, 'resources/policies/tianjin.json'),
    ];
    packs = new Map(list.map((p) => [p.id, p]));
    const cats = [parseCatalogue(interim42, 'resources/catalogues/interim-42.json')];
    catalogues = new Map(cats.map((c) => [c.id, c]));
  }
  return { packs, catalogues };
}

export function listPolicyPacks(): PolicyPack[] {
  return [...load().packs.values()];
}

export function findPolicyPack(id: string): PolicyPack | undefined {
  return load().packs.get(id);
}

export function findCatalogue(id: string): Catalogue | undefined {
  return load().catalogues.get(id);
}
