/**
 * Headings by their place in the page, drawn at the sizes the screens were designed with: a page's
 * title is its one h1 (drawn as antd's h3), a section inside it an h2 (drawn as antd's h5). Screen
 * readers list and jump by these levels, so they follow the outline, not the font size wanted.
 */
import { theme, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

export function PageTitle({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return (
    <Typography.Title level={1} style={{ fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, ...style }}>
      {children}
    </Typography.Title>
  );
}

export function SectionTitle({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return (
    <Typography.Title level={2} style={{ fontSize: token.fontSizeHeading5, lineHeight: token.lineHeightHeading5, ...style }}>
      {children}
    </Typography.Title>
  );
}
