/**
 * A job shop's words: the material taxonomy (category → type/grade → spec, from the help
 * centre), stock shapes, storage places, operations and machines.
 */

export interface MaterialFamily {
  category: string
  types: readonly { type: string; specs: readonly (string | null)[] }[]
  /** Unit cost range per piece of stock. */
  cost: readonly [number, number]
}

export const MATERIALS: readonly MaterialFamily[] = [
  {
    category: 'Aluminum',
    types: [
      { type: '6061', specs: ['T6', 'T651'] },
      { type: '7075', specs: ['T6', 'T651'] },
      { type: '5052', specs: ['H32'] }
    ],
    cost: [12, 240]
  },
  {
    category: 'Stainless Steel',
    types: [
      { type: '304', specs: [null, 'Annealed'] },
      { type: '316', specs: [null] },
      { type: '17-4PH', specs: ['H900', 'H1025', 'Condition A'] }
    ],
    cost: [25, 520]
  },
  {
    category: 'Carbon Steel',
    types: [
      { type: '1018', specs: ['Cold Rolled', 'Hot Rolled'] },
      { type: '4140', specs: ['Annealed', 'Pre-Hard'] },
      { type: 'A36', specs: [null] }
    ],
    cost: [8, 180]
  },
  { category: 'Brass', types: [{ type: 'C360', specs: ['H02'] }], cost: [30, 300] },
  {
    category: 'Plastic',
    types: [
      { type: 'Delrin', specs: ['Black', 'Natural'] },
      { type: 'UHMW', specs: [null] },
      { type: 'PEEK', specs: ['Unfilled', '30% Glass'] }
    ],
    cost: [15, 400]
  },
  { category: 'Titanium', types: [{ type: 'Grade 5', specs: ['Annealed'] }], cost: [90, 900] }
]

export const SHAPES = ['Plate', 'Sheet', 'Round Bar', 'Square Bar', 'Hex Bar', 'Flat Bar', 'Tube'] as const

/** Purchased items (fasteners, bearings) kept in inventory: no shape, no dimensions. */
export const HARDWARE: readonly { type: string; specs: readonly string[] }[] = [
  { type: 'Socket Head Cap Screw', specs: ['M4×12', 'M5×16', 'M6×20', 'M8×25', '1/4-20×3/4'] },
  { type: 'Dowel Pin', specs: ['3×12', '5×20', '6×24', '1/4×1'] },
  { type: 'Ball Bearing', specs: ['608-2RS', '6201-2RS', '6204-ZZ'] },
  { type: 'Helicoil Insert', specs: ['M5', 'M6', '1/4-20'] }
]

export const LOCATIONS = [
  'Plate Rack A',
  'Plate Rack B',
  'Bar Rack 1',
  'Bar Rack 2',
  'Bar Rack 3',
  'Saw Bay',
  'Sheet Cart',
  'Hardware Shelf',
  'Remnant Bin',
  'Receiving'
] as const

export const OPERATIONS: readonly { operation: string; equipment: readonly (string | null)[] }[] = [
  { operation: 'Saw Cut', equipment: ['DoALL C-916', 'Kasto Win'] },
  { operation: 'CNC Milling', equipment: ['Haas VF-2', 'Haas VF-4', 'DMG Mori NVX 5080'] },
  { operation: 'CNC Turning', equipment: ['Okuma LB3000', 'Haas ST-20'] },
  { operation: 'Deburr', equipment: [null] },
  { operation: 'Anodize (outside)', equipment: [null] },
  { operation: 'Heat Treat (outside)', equipment: [null] },
  { operation: 'Inspection', equipment: ['Zeiss Contura CMM', null] }
]

export const PART_NOUNS = [
  'Bracket',
  'Manifold',
  'Housing',
  'Shaft',
  'Spacer',
  'Bushing',
  'Mounting Plate',
  'Flange',
  'Gear Blank',
  'Fixture Base',
  'Cover',
  'Clamp Jaw'
] as const

export const CURRENCIES = ['USD', 'USD', 'USD', 'CAD', 'EUR'] as const
