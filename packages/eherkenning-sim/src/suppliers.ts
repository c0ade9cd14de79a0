/**
 * One eHerkenning supplier ("erkende leverancier", an authentication service in the afsprakenstelsel) as the
 * simulated broker lists it. `id` is the value the relying party passes back in the supplier parameter.
 */
export interface SimulatedSupplier {
  /** The entityID of the authentication service; test indices 9000–9999 mark it as not real. */
  readonly id: string;
  /** The display name, always marked "(simulatie)" so nobody mistakes the simulator for the real thing. */
  readonly name: string;
}

/**
 * The six recognised suppliers as fixtures, in the broker's order: alphabetical by display name, as AUC8 asks
 * (EHERKENNING.md §2.4). The names are the last public list (§1.2); a real broker delivers its own.
 */
export const SIMULATED_SUPPLIERS: readonly SimulatedSupplier[] = [
  { id: 'urn:etoegang:AD:00000003999990010000:entities:9001', name: 'Connectis (simulatie)' },
  { id: 'urn:etoegang:AD:00000003999990020000:entities:9002', name: 'Digidentity (simulatie)' },
  { id: 'urn:etoegang:AD:00000003999990030000:entities:9003', name: 'KPN (simulatie)' },
  { id: 'urn:etoegang:AD:00000003999990040000:entities:9004', name: 'QuoVadis (simulatie)' },
  { id: 'urn:etoegang:AD:00000003999990050000:entities:9005', name: 'Reconi (simulatie)' },
  { id: 'urn:etoegang:AD:00000003999990060000:entities:9006', name: 'Z login (simulatie)' },
];

/** The path at which the broker serves {@link SIMULATED_SUPPLIERS} as JSON. */
export const SUPPLIERS_PATH = '/suppliers';

/**
 * The authorization request parameter that carries the chosen supplier. OIDC has no standard one
 * (EHERKENNING.md §2.4), so this is the simulator's own; the relying party's `EHERKENNING_SUPPLIER_PARAM`
 * defaults to it.
 */
export const SUPPLIER_PARAM = 'eh_supplier';

/** The supplier with `id`, if the broker knows it. */
export function findSupplier(id: string | undefined): SimulatedSupplier | undefined {
  return SIMULATED_SUPPLIERS.find((supplier) => supplier.id === id);
}
