/** The components every .mdx document can use without importing them (passed to <Content components>). */
import TaskTable from './TaskTable.astro';
import TargetValue from './TargetValue.astro';
import WaterLink from './WaterLink.astro';

export const mdxComponents = { TaskTable, TargetValue, WaterLink };
