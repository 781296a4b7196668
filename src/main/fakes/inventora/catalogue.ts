/** Word lists for Inventora's generated makers' catalogue (candles, soaps, balms, jewellery, ceramics). */
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
