import type { ThemeConfig } from 'antd';

/*
 * The panel's look beyond Ant Design's defaults. A field one may not change reads as read-only: its
 * value stays readable on the grey of a disabled field (antd writes it in a pale grey that passes for an
 * empty field). A switch one may not turn is plainly faded, not almost as bright as one that turns.
 */
const readableValue = { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' };

export const panelTheme: ThemeConfig = {
  components: {
    Input: readableValue,
    InputNumber: readableValue,
    Select: readableValue,
    DatePicker: readableValue,
    Switch: { opacityLoading: 0.35 },
  },
};
