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

/** Inventora's domain: small makers (candles, soaps, …) producing from materials. */
export interface MakerFamily {
  prefix: string
  adjectives: readonly string[]
  nouns: readonly string[]
  variants: readonly string[]
  /** Indexes into MAKER_MATERIALS this family is made from, with quantity used per unit. */
  bom: readonly (readonly [number, number])[]
  price: readonly [number, number]
}

export const MAKER_MATERIALS: readonly { name: string; unitType: string; cost: readonly [number, number] }[] =
  [
    { name: 'Soy Wax', unitType: 'weight.lbs', cost: [2.5, 4] },
    { name: 'Beeswax Pellets', unitType: 'weight.lbs', cost: [8, 12] },
    { name: 'Cotton Wick', unitType: 'pieces', cost: [0.05, 0.15] },
    { name: 'Amber Glass Jar 8 oz', unitType: 'pieces', cost: [0.9, 1.6] },
    { name: 'Tin Lid', unitType: 'pieces', cost: [0.2, 0.4] },
    { name: 'Lavender Essential Oil', unitType: 'volume.oz', cost: [1.5, 3] },
    { name: 'Cedarwood Fragrance Oil', unitType: 'volume.oz', cost: [1.2, 2.5] },
    { name: 'Shea Butter', unitType: 'weight.oz', cost: [0.4, 0.8] },
    { name: 'Coconut Oil', unitType: 'weight.oz', cost: [0.2, 0.4] },
    { name: 'Olive Oil', unitType: 'weight.oz', cost: [0.25, 0.5] },
    { name: 'Sodium Hydroxide (Lye)', unitType: 'weight.oz', cost: [0.15, 0.3] },
    { name: 'Goat Milk Powder', unitType: 'weight.oz', cost: [0.6, 1] },
    { name: 'Kraft Label', unitType: 'pieces', cost: [0.03, 0.1] },
    { name: 'Lip Balm Tube', unitType: 'pieces', cost: [0.1, 0.25] },
    { name: 'Sterling Silver Wire', unitType: 'length.ft', cost: [1, 2.5] },
    { name: 'Stoneware Clay', unitType: 'weight.lbs', cost: [0.6, 1.2] },
    { name: 'Glaze, Celadon', unitType: 'volume.ml', cost: [0.02, 0.05] },
    { name: 'Gift Box, Small', unitType: 'pieces', cost: [0.5, 1.2] }
  ]

export const MAKER_FAMILIES: readonly MakerFamily[] = [
  {
    prefix: 'CND',
    adjectives: [
      'Lavender',
      'Cedar & Sage',
      'Vanilla Bean',
      'Sea Salt',
      'Wild Fig',
      'Pumpkin Spice',
      'Unscented'
    ],
    nouns: ['Soy Candle', 'Beeswax Candle', 'Travel Tin Candle', 'Pillar Candle'],
    variants: ['4 oz', '8 oz', '12 oz', 'Gift Set'],
    bom: [
      [0, 0.5],
      [2, 1],
      [3, 1],
      [5, 0.3],
      [12, 1]
    ],
    price: [12, 38]
  },
  {
    prefix: 'SOP',
    adjectives: ['Oatmeal', 'Goat Milk', 'Charcoal', 'Rosemary Mint', 'Honey', 'Citrus'],
    nouns: ['Bar Soap', 'Shampoo Bar', 'Shaving Soap', 'Guest Soap'],
    variants: ['4 oz', '5 oz', 'Trio', 'Sample'],
    bom: [
      [8, 2],
      [9, 1.5],
      [10, 0.6],
      [11, 0.5],
      [12, 1]
    ],
    price: [6, 18]
  },
  {
    prefix: 'BLM',
    adjectives: ['Peppermint', 'Unflavoured', 'Honey', 'Tinted Rose', 'Cocoa'],
    nouns: ['Lip Balm', 'Body Butter', 'Hand Salve', 'Beard Balm'],
    variants: ['Tube', '2 oz Tin', '4 oz Jar', 'Pack of 3'],
    bom: [
      [1, 0.05],
      [7, 0.3],
      [13, 1],
      [12, 1]
    ],
    price: [4, 24]
  },
  {
    prefix: 'JWL',
    adjectives: ['Hammered', 'Twisted', 'Minimal', 'Beaded', 'Oxidised'],
    nouns: ['Silver Ring', 'Hoop Earrings', 'Cuff Bracelet', 'Pendant Necklace'],
    variants: ['Size 6', 'Size 8', 'Small', 'Large', 'One Size'],
    bom: [
      [14, 1.5],
      [17, 1]
    ],
    price: [28, 140]
  },
  {
    prefix: 'CER',
    adjectives: ['Celadon', 'Speckled', 'Matte White', 'Ocean Blue', 'Raw Clay'],
    nouns: ['Mug', 'Bud Vase', 'Ring Dish', 'Serving Bowl', 'Planter'],
    variants: ['Small', 'Medium', 'Large', 'Set of 2'],
    bom: [
      [15, 1.2],
      [16, 40]
    ],
    price: [18, 90]
  }
]
