/** The dark and high-contrast Fluent themes, a chunk of their own: most panes open in Office's light theme. */
export { teamsHighContrastTheme, webDarkTheme } from '@fluentui/react-components';
