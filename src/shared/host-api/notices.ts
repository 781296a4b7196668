import { z } from 'zod'

/** What a notice is about: clicking it opens that. */
export const noticeTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('item'), itemKey: z.string().min(1).max(500) }).strict(),
  /** The Low stock list, of one connection or of all. */
  z.object({ kind: z.literal('low-stock'), connectionId: z.string().min(1).max(200).optional() }).strict()
])
export type NoticeTarget = z.infer<typeof noticeTarget>

export const notice = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
    target: noticeTarget.optional()
  })
  .strict()
export type Notice = z.infer<typeof notice>

/** A notice as a notifier that shows them in the page (the web host) recorded it. */
export const shownNotice = notice.extend({ id: z.string(), at: z.string() })
export type ShownNotice = z.infer<typeof shownNotice>

/** Calls of the notices domain. */
export const noticesCalls = {
  /** An OS notification (desktop); the web host records it and shows it in the page. */
  'notices:show': { request: notice, response: z.object({}) },
  /** A click on a notice the page shows for the web host's notifier. */
  'notices:click': { request: z.object({ id: z.string().min(1).max(100) }).strict(), response: z.object({}) },
  /** The notices the web host's notifier has shown, newest last (empty on desktop: the OS keeps them). */
  'notices:list': { request: z.object({}).strict(), response: z.array(shownNotice) }
} as const

export const noticesEvents = {
  /** The web host's notifier showed a notice: the page displays it. */
  'notices:shown': shownNotice,
  /** A person clicked a notice (OS notification, tray entry or the page's): open what it is about. */
  'notices:clicked': z.object({ target: noticeTarget.optional() })
} as const
