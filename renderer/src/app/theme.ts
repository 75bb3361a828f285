/**
 * Ant Design's look with its text raised to WCAG 2.1 AA contrast (4.5:1 for text of normal size),
 * which antd's default palette misses: its blue #1677ff is 4.1:1 on white (links, primary buttons,
 * the selected menu item), secondary text (45% black) 3.4:1, red #ff4d4f 3.3:1 (delete buttons),
 * success green 2.2:1, and the green, orange, gold, cyan and volcano tags' text on their own tint
 * 2.8–4.4:1. The e2e accessibility check (tests/e2e/accessibility.spec.ts) holds every screen to it.
 * Colours are antd's own shades, one or two steps darker (named beside each).
 *
 * The font stack opens with the bundled fallback for rare characters of names (𠮷, 𪚥: CJK Extensions
 * B–F, rareHan.css; 𰀀, 𱍐: G and H, rarePlane3.css): its unicode-range holds those characters only, so
 * every other character goes on to the system's Chinese fonts, and a name draws the same on every PC, as
 * in the PDFs. App.tsx imports the two stylesheets: this module stays plain data, which the build also reads
 * (electron.vite.config.ts: the first screen's antd styles made at build time with this same theme).
 */
import type { ThemeConfig } from 'antd';

/** The bundled face for CJK Extensions B–H (rareHan.css, rarePlane3.css), first in the stack. */
export const RARE_HAN_FAMILY = 'LTC Rare Han';

export const theme: ThemeConfig = {
  token: {
    fontFamily: `"${RARE_HAN_FAMILY}", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif`,
    // blue-7: 6.2:1 on white, white on it 6.2:1, 5.5:1 on the selected menu item's tint
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    // red-7: 5.6:1 on white (delete buttons, error text), white on it 5.6:1
    colorError: '#cf1322',
    // Only the text of success and warning darkens; their icons and tints keep antd's brighter shades.
    colorSuccessText: '#237804', // green-8, 5.6:1
    colorWarningText: '#ad4e00', // orange-8, 5.4:1
    // Secondary text (descriptions, statistic titles, hints) at 60% black: 5.3:1 even on #f5f5f5.
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    // A select's placeholder says something (全部岗位): 58% black, 5.3:1, still lighter than a value.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    // Tag text is the palette's 7th shade on its 1st: the 8th (9th for gold) where the 7th is too light.
    // Both spellings: antd derives green7 and green-7, and both become the CSS variable --ant-green-7.
    green7: '#237804',
    'green-7': '#237804',
    orange7: '#ad4e00',
    'orange-7': '#ad4e00',
    gold7: '#874d00',
    'gold-7': '#874d00',
    cyan7: '#006d75',
    'cyan-7': '#006d75',
    volcano7: '#ad2102',
    'volcano-7': '#ad2102',
  },
  components: {
    // A table's 暂无数据 / 还没有备份 is information, not a disabled control, yet antd draws it in the
    // disabled grey (1.8:1); inside tables only, that grey is the secondary text's.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
    // An unchecked switch's label (未签字) is white on the track: the track at 55% black, 4.7:1.
    Switch: { colorTextQuaternary: 'rgba(0, 0, 0, 0.55)', colorTextTertiary: 'rgba(0, 0, 0, 0.65)' },
  },
};
