/**
 * Word lists for realistic generated names ("Galvanised Hex Bolt, M8×40"), not lorem ipsum.
 */

export interface CatalogueFamily {
  /** Category name as the vendor shows it. */
  category: string
  /** SKU prefix. */
  prefix: string
  adjectives: readonly string[]
  nouns: readonly string[]
  variants: readonly string[]
  /** Cost price range. */
  cost: readonly [number, number]
  /** Unit-of-measure abbreviations this family is sold in. */
  units: readonly string[]
  /** Lots with expiry dates. */
  batchTracked: boolean
  /** Some items carry serial numbers. */
  serialCandidates: boolean
  /** Relative share of the catalogue. */
  weight: number
}

export const CATALOGUE: readonly CatalogueFamily[] = [
  {
    category: 'Fasteners & Fixings',
    prefix: 'FST',
    adjectives: [
      'Galvanised',
      'Stainless 304',
      'Stainless 316',
      'Zinc-Plated',
      'Brass',
      'Black Oxide',
      'Hot-Dip'
    ],
    nouns: [
      'Hex Bolt',
      'Coach Screw',
      'Wood Screw',
      'Wall Plug',
      'Anchor Bolt',
      'Flat Washer',
      'Nyloc Nut',
      'Pop Rivet',
      'Tek Screw',
      'Threaded Rod'
    ],
    variants: [
      'M6×30',
      'M8×40',
      'M10×50',
      'M12×75',
      '8g×25 mm',
      '10g×50 mm',
      '14g×65 mm',
      'Box of 100',
      'Box of 500'
    ],
    cost: [0.05, 45],
    units: ['ea', 'box'],
    batchTracked: false,
    serialCandidates: false,
    weight: 18
  },
  {
    category: 'Cleaning & Hygiene',
    prefix: 'CLN',
    adjectives: ['Citrus', 'Unscented', 'Eco', 'Heavy-Duty', 'Lavender', 'Antibacterial', 'Concentrated'],
    nouns: [
      'Floor Cleaner',
      'Hand Soap',
      'Hand Sanitiser',
      'Degreaser',
      'Glass Cleaner',
      'Dishwash Liquid',
      'Surface Spray',
      'Laundry Powder'
    ],
    variants: ['500 mL', '750 mL', '1 L', '5 L', '20 L', 'Refill Pouch'],
    cost: [2.5, 90],
    units: ['ea', 'L'],
    batchTracked: true,
    serialCandidates: false,
    weight: 12
  },
  {
    category: 'Packaging',
    prefix: 'PKG',
    adjectives: ['Kraft', 'Clear', 'Heavy-Duty', 'Recycled', 'Printed', 'Double-Wall', 'Padded'],
    nouns: [
      'Shipping Carton',
      'Bubble Wrap Roll',
      'Packing Tape',
      'Mailer Bag',
      'Pallet Wrap',
      'Void Fill',
      'Document Pouch',
      'Strapping Coil'
    ],
    variants: [
      'Small',
      'Medium',
      'Large',
      '300×200×150',
      '48 mm×75 m',
      '500 mm×300 m',
      'Pack of 25',
      'Pack of 100'
    ],
    cost: [0.2, 60],
    units: ['ea', 'box', 'm'],
    batchTracked: false,
    serialCandidates: false,
    weight: 14
  },
  {
    category: 'Food & Beverage',
    prefix: 'FNB',
    adjectives: [
      'Organic',
      'Dark Roast',
      'Wildflower',
      'Extra Virgin',
      'Fair Trade',
      'Gluten-Free',
      'Free-Range',
      'Smoked'
    ],
    nouns: [
      'Coffee Beans',
      'Green Tea',
      'Rolled Oats',
      'Manuka Honey',
      'Olive Oil',
      'Sea Salt',
      'Muesli Bar',
      'Peanut Butter',
      'Chai Syrup'
    ],
    variants: ['250 g', '500 g', '1 kg', '5 kg', '500 mL', '1 L', 'Carton of 24', 'Tray of 12'],
    cost: [1.2, 80],
    units: ['ea', 'kg', 'L'],
    batchTracked: true,
    serialCandidates: false,
    weight: 16
  },
  {
    category: 'Safety & PPE',
    prefix: 'PPE',
    adjectives: ['Blue', 'Black', 'Hi-Vis Yellow', 'Hi-Vis Orange', 'Clear', 'Anti-Fog', 'Cut-Resistant'],
    nouns: [
      'Nitrile Gloves',
      'Safety Glasses',
      'Hi-Vis Vest',
      'Ear Muffs',
      'P2 Dust Mask',
      'Hard Hat',
      'Safety Boots',
      'Rain Jacket'
    ],
    variants: ['Small', 'Medium', 'Large', 'XL', 'XXL', 'Size 9', 'Size 11', 'Box of 100'],
    cost: [0.8, 120],
    units: ['ea', 'box'],
    batchTracked: false,
    serialCandidates: false,
    weight: 12
  },
  {
    category: 'Electrical & Tools',
    prefix: 'ELT',
    adjectives: ['18V', 'Compact', 'Brushless', 'Heavy-Duty', 'Wireless', 'Rechargeable', 'Industrial'],
    nouns: [
      'Cordless Drill',
      'Impact Driver',
      'Extension Lead',
      'LED Work Light',
      'Barcode Scanner',
      'Label Printer',
      'Multimeter',
      'Angle Grinder',
      'Battery Pack'
    ],
    variants: ['Kit', 'Skin Only', '10 m', '20 m', '2.0 Ah', '5.0 Ah', 'Twin Pack'],
    cost: [12, 650],
    units: ['ea'],
    batchTracked: false,
    serialCandidates: true,
    weight: 10
  },
  {
    category: 'Office Supplies',
    prefix: 'OFS',
    adjectives: ['A4', 'A3', 'Blue', 'Black', 'Recycled', 'Thermal', 'Heavy-Duty'],
    nouns: [
      'Copy Paper',
      'Ballpoint Pen',
      'Whiteboard Marker',
      'Lever Arch File',
      'Shipping Label Roll',
      'Stapler',
      'Sticky Notes',
      'Clipboard'
    ],
    variants: ['Ream of 500', 'Box of 5,000', 'Pack of 10', 'Pack of 12', '100×150 mm', 'Single'],
    cost: [0.5, 55],
    units: ['ea', 'box'],
    batchTracked: false,
    serialCandidates: false,
    weight: 8
  }
]

export const COMPANY_WORDS = {
  first: [
    'Kiwi',
    'Southern',
    'Harbour',
    'Alpine',
    'Pacific',
    'Tasman',
    'Coastal',
    'Summit',
    'Kauri',
    'Ironbank',
    'Waitemata',
    'Rimu'
  ],
  second: [
    'Fasteners',
    'Packaging',
    'Foods',
    'Safety',
    'Tools',
    'Supplies',
    'Trading',
    'Distribution',
    'Wholesale',
    'Imports'
  ],
  suffix: ['Ltd', 'Limited', 'Co', 'NZ Ltd', 'Group']
} as const

export const PERSON_NAMES = {
  first: [
    'Aroha',
    'Liam',
    'Mere',
    'Noah',
    'Olivia',
    'Tane',
    'Isla',
    'Wiremu',
    'Charlotte',
    'Jack',
    'Amelia',
    'Hemi',
    'Sophie',
    'Mason'
  ],
  last: [
    'Smith',
    'Ngata',
    'Williams',
    'Brown',
    'Parata',
    'Wilson',
    'Taylor',
    'Walker',
    'Tuhiwai',
    'Clarke',
    'Thompson',
    'Reid'
  ]
} as const
