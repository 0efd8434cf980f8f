/**
 * The channel between the content script and the card frame: the
 * extension page (card-frame.html) that draws the fact card and the on-page
 * notice inside a page, in a document of the extension's origin that no
 * page API can read.
 *
 * The content script makes the frame with a random key in its address's
 * fragment (a page can't read a cross-origin frame's address), and on the
 * frame's load posts one `MessagePort` with that key to the frame's window,
 * addressed to the extension's origin. The frame takes exactly one port, and
 * only with its key; after that both sides talk only over the port. Anything
 * posted to a window is open to page scripts (the page can post to any of
 * its frames), so the frame never posts to its parent, and what arrives on
 * the port is checked here before it is used, in both directions.
 *
 * Card props cross as data only; what the reader does in the card comes
 * back as actions (FrameAction).
 */
import * as v from 'valibot';
import { CardDataSchema } from '../library/card-data';

/** The handshake's `type`; the message carries the key, the port is its one transferable. */
export const FRAME_HANDSHAKE = 'fact-cards:frame-port';

/** 128 random bits, hex: the frame's key, in its address's fragment. */
export const FRAME_KEY_PATTERN = /^[0-9a-f]{32}$/;

const HandshakeSchema = v.object({ type: v.literal(FRAME_HANDSHAKE), key: v.pipe(v.string(), v.regex(FRAME_KEY_PATTERN)) });

const px = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000));
const seq = v.pipe(v.number(), v.integer(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const name = v.pipe(v.string(), v.maxLength(200));
const ref = v.pipe(v.string(), v.maxLength(200));

/** Room the frame's content may take: the page's viewport, less a margin. */
const FitSchema = v.object({ maxWidth: px, maxHeight: px });

const ShowCardSchema = v.object({
  type: v.literal('card'),
  /** Echoed in the frame's `size` reply, so the host knows which card was measured. */
  seq,
  card: CardDataSchema,
  theme: v.picklist(['auto', 'light', 'dark']),
  /** "2 of 5 on this page" (index 0-based); ‹ › when total > 1. */
  onPage: v.optional(v.object({ index: count, total: v.pipe(count, v.minValue(1)) })),
  /** "Back to X" when set. */
  back: v.optional(v.object({ name })),
  fit: FitSchema,
});

const ToFrameSchema = v.variant('type', [
  ShowCardSchema,
  v.object({ type: v.literal('fit'), ...FitSchema.entries }),
  /** Takes the card away (the frame keeps nothing on screen). */
  v.object({ type: v.literal('hide') }),
  /** Moves focus to the card's dialog (the host has focused the frame itself). */
  v.object({ type: v.literal('focus') }),
  /** The short notice ("Saved …"), announced politely; '' clears it. */
  v.object({ type: v.literal('notice'), seq, text: v.pipe(v.string(), v.maxLength(400)), maxWidth: px }),
]);
export type ToFrame = v.InferOutput<typeof ToFrameSchema>;
export type ShowCard = v.InferOutput<typeof ShowCardSchema>;

const FrameActionSchema = v.variant('type', [
  /** The port is taken: the frame is listening. */
  v.object({ type: v.literal('ready') }),
  /** The content's size, after each card or notice (`seq`) and whenever it changes. */
  v.object({ type: v.literal('size'), seq, width: px, height: px }),
  v.object({ type: v.literal('close') }),
  v.object({ type: v.literal('related'), id: ref }),
  v.object({ type: v.literal('back') }),
  v.object({ type: v.literal('step'), delta: v.picklist([-1, 1]) }),
  v.object({ type: v.literal('open-source'), article: ref, sentence: ref }),
  /**
   * The reader's pointer entered (or left) the card. Its moves inside the
   * frame reach this document only, so the page's document would otherwise
   * see nothing that keeps a hover-opened card open.
   */
  v.object({ type: v.literal('pointer'), inside: v.boolean() }),
]);
export type FrameAction = v.InferOutput<typeof FrameActionSchema>;

const parser = <S extends v.GenericSchema>(schema: S) => (data: unknown): v.InferOutput<S> | undefined => {
  const result = v.safeParse(schema, data);
  return result.success ? result.output : undefined;
};

/** The key of a handshake message, when `data` is one. */
export const handshakeKey = (data: unknown): string | undefined => parser(HandshakeSchema)(data)?.key;
export const parseToFrame = parser(ToFrameSchema);
export const parseFrameAction = parser(FrameActionSchema);

/** A fresh key for a new frame. */
export function newFrameKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
