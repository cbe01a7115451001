/**
 * Every enumeration of the data contract, with its Chinese label, in one place.
 * The schemas, the UI and the open data all read these lists, so a value
 * cannot be valid in one and unknown in another.
 *
 * Plain TypeScript: no Astro imports, usable from scripts and tests.
 */

/** Build a `{ value: label }` map plus the ordered value list. */
function labelled<const T extends Record<string, string>>(labels: T) {
  return { labels, values: Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]] };
}

export const REGION_LEVEL = labelled({ county: '县级', township: '乡镇级', village: '村级' });
export type RegionLevel = keyof typeof REGION_LEVEL.labels;

export const WATER_KIND = labelled({
  river: '河流',
  lake: '湖泊',
  reservoir: '水库',
  canal: '渠道',
  pond: '山塘',
  other: '其他水体',
});
export type WaterKind = keyof typeof WATER_KIND.labels;

/** Water-quality classes a target may take (GB 3838-2002). */
export const TARGET_CLASS = labelled({ I: 'Ⅰ类', II: 'Ⅱ类', III: 'Ⅲ类', IV: 'Ⅳ类', V: 'Ⅴ类' });
export type TargetClass = keyof typeof TARGET_CLASS.labels;
/** Classes a result may take: the five classes, and 劣V beyond class V. */
export const WATER_CLASSES = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;
export type WaterClass = (typeof WATER_CLASSES)[number];
export const WATER_CLASS_LABEL: Record<WaterClass, string> = {
  I: 'Ⅰ类',
  II: 'Ⅱ类',
  III: 'Ⅲ类',
  IV: 'Ⅳ类',
  V: 'Ⅴ类',
  劣V: '劣Ⅴ类',
};

/**
 * What water of each class is fit for, in plain words (GB 3838-2002, 3.1:
 * the functions each class of surface water serves). A badge carries these
 * words beside the numeral, so a class never rests on its colour, nor on
 * knowing the standard.
 */
export const CLASS_USE: Readonly<Record<WaterClass, string>> = {
  I: '源头水、国家自然保护区',
  II: '可作饮用水源（一级保护区）',
  III: '可作饮用水源（二级保护区）、可游泳',
  IV: '一般工业用水、不直接接触人体的娱乐用水',
  V: '农业用水、一般景观用水',
  劣V: '基本丧失使用功能',
};

/**
 * What water of each class means for the three things people at the bank
 * ask about: swimming, fishing, drinking. Read from the functions GB
 * 3838-2002 (3.1) gives each class: III is the lowest class that serves
 * swimming areas (游泳区), fishery waters (渔业水域) and, after treatment,
 * drinking-water sources (二级保护区); IV serves only recreation without
 * body contact, V farming and scenery. No class makes raw river water safe
 * to drink, so the drinking words always name the treatment.
 */
export const CLASS_FOR_PEOPLE: Readonly<Record<WaterClass, { swim: string; fish: string; drink: string }>> = {
  I: {
    swim: '水质适合游泳（野外下水请注意安全）',
    fish: '水质适合鱼虾生长',
    drink: '可作饮用水源（须经水厂处理，不要直接饮用）',
  },
  II: {
    swim: '水质适合游泳（野外下水请注意安全）',
    fish: '水质适合鱼虾产卵生长',
    drink: '可作饮用水源（须经水厂处理，不要直接饮用）',
  },
  III: {
    swim: '水质适合游泳（野外下水请注意安全）',
    fish: '水质适合养鱼、钓鱼',
    drink: '可作饮用水源（须经水厂处理，不要直接饮用）',
  },
  IV: { swim: '不宜游泳，只适合划船等不接触水的活动', fish: '不属渔业水域，不宜养鱼捕鱼', drink: '不能作饮用水源' },
  V: { swim: '不宜游泳或戏水', fish: '不属渔业水域，不宜养鱼捕鱼', drink: '不能作饮用水源' },
  劣V: { swim: '不要下水，避免接触', fish: '不宜养鱼捕鱼', drink: '不能作饮用水源' },
};

export const ROLE = labelled({
  general_chief: '总河长',
  deputy_general_chief: '副总河长',
  chief: '河长',
  deputy_chief: '副河长',
  segment_chief: '河段长',
  keeper: '河道专管员',
  patroller: '巡河员',
  civic_chief: '民间河长',
  supervisor: '社会监督员',
  volunteer: '志愿者',
});
export type Role = keyof typeof ROLE.labels;

/**
 * Roles held by members of the public who take part (data contract v2): not
 * officials. Their phone is published only when the office fills it in, and
 * they are listed on the participation page, not in the chiefs' roster.
 */
export const PARTICIPANT_ROLES: readonly Role[] = Object.freeze(['civic_chief', 'supervisor', 'volunteer']);
/** True for 民间河长, 社会监督员 and 志愿者. */
export const isParticipantRole = (role: string): boolean => (PARTICIPANT_ROLES as readonly string[]).includes(role);

export const STATION_KIND = labelled({
  national: '国控断面',
  provincial: '省控断面',
  municipal: '市控断面',
  county: '县控断面',
  boundary: '交界断面',
  drinking_source: '饮用水水源地',
});
export type StationKind = keyof typeof STATION_KIND.labels;

export const WATERBODY = labelled({ river: '河流', lake: '湖库' });
export type Waterbody = keyof typeof WATERBODY.labels;

export const CASE_SOURCE = labelled({
  patrol: '巡河发现',
  inspection: '督查检查',
  report: '群众反映',
  media: '媒体曝光',
  audit: '审计发现',
  other: '其他',
});
export type CaseSource = keyof typeof CASE_SOURCE.labels;

export const CASE_CATEGORY = labelled({
  encroachment: '乱占',
  sand_mining: '乱采',
  dumping: '乱堆',
  illegal_building: '乱建',
  sewage_outlet: '排污口',
  pollution: '水污染',
  garbage: '垃圾',
  black_odorous: '黑臭水体',
  livestock: '畜禽养殖',
  sign_outdated: '公示牌信息有误',
  other: '其他',
});
export type CaseCategory = keyof typeof CASE_CATEGORY.labels;

export const CASE_STATUS = labelled({
  reported: '已登记',
  assigned: '已交办',
  rectifying: '整改中',
  submitted: '申请销号',
  closed: '已销号',
  rejected: '验收未通过',
});
export type CaseStatus = keyof typeof CASE_STATUS.labels;

export const SUBJECT_KIND = labelled({ region: '区域', chief: '河长', water: '水体' });
export type SubjectKind = keyof typeof SUBJECT_KIND.labels;

/** Accountability actions; `other` covers anything else an office records. */
export const ACTION_KIND = labelled({ 约谈: '约谈', 通报批评: '通报批评', 警告: '警告', 免职: '免职', other: '其他' });
export type ActionKind = keyof typeof ACTION_KIND.labels;

/** 入河排污口 kinds (outlets.csv). */
export const OUTLET_KIND = labelled({
  industrial: '工业排污口',
  municipal: '城镇污水排污口',
  agricultural: '农业排口',
  stormwater: '雨洪排口',
  other: '其他排口',
});
export type OutletKind = keyof typeof OUTLET_KIND.labels;

/** State of an outlet's regulation (outlets.csv). */
export const OUTLET_STATUS = labelled({
  compliant: '已规范',
  rectifying: '整治中',
  closed: '已封堵',
  unknown: '情况不明',
});
export type OutletStatus = keyof typeof OUTLET_STATUS.labels;

/** Grade of a listed black-odorous water (black-odorous.csv). */
export const BO_GRADE = labelled({ light: '轻度黑臭', heavy: '重度黑臭' });
export type BoGrade = keyof typeof BO_GRADE.labels;

/** Progress of a listed black-odorous water (black-odorous.csv). */
export const BO_STATUS = labelled({
  listed: '已列入',
  treating: '整治中',
  eliminated: '已消除',
  long_term: '长制久清',
});
export type BoStatus = keyof typeof BO_STATUS.labels;

export const DIRECTION = labelled({ up: '越高越好', down: '越低越好' });
export type Direction = keyof typeof DIRECTION.labels;

export const DOC_STATUS = labelled({ draft: '征求意见稿', in_force: '现行', repealed: '已废止' });
export type DocStatus = keyof typeof DOC_STATUS.labels;

export const DOC_KIND = labelled({
  plan: '工作方案',
  one_river_one_policy: '一河一策',
  rules: '制度办法',
  notice: '通报',
  report: '报告',
  task_list: '任务清单',
  responsibility_list: '责任清单',
  emergency_plan: '应急预案',
  assessment: '评估报告',
  exposure: '曝光',
  commendation: '先进事迹',
  budget: '经费',
  other: '其他',
});
export type DocKind = keyof typeof DOC_KIND.labels;

/** Monitoring items of readings/*.csv: column name, Chinese label, unit. */
export const READING_ITEMS = {
  ph: { label: 'pH', unit: '无量纲' },
  do: { label: '溶解氧', unit: 'mg/L' },
  codmn: { label: '高锰酸盐指数', unit: 'mg/L' },
  cod: { label: '化学需氧量', unit: 'mg/L' },
  bod5: { label: '五日生化需氧量', unit: 'mg/L' },
  nh3n: { label: '氨氮', unit: 'mg/L' },
  tp: { label: '总磷', unit: 'mg/L' },
  tn: { label: '总氮', unit: 'mg/L' },
  cu: { label: '铜', unit: 'mg/L' },
  zn: { label: '锌', unit: 'mg/L' },
  f: { label: '氟化物', unit: 'mg/L' },
  se: { label: '硒', unit: 'mg/L' },
  as: { label: '砷', unit: 'mg/L' },
  hg: { label: '汞', unit: 'mg/L' },
  cd: { label: '镉', unit: 'mg/L' },
  cr6: { label: '六价铬', unit: 'mg/L' },
  pb: { label: '铅', unit: 'mg/L' },
  cn: { label: '氰化物', unit: 'mg/L' },
  phenol: { label: '挥发酚', unit: 'mg/L' },
  oil: { label: '石油类', unit: 'mg/L' },
  las: { label: '阴离子表面活性剂', unit: 'mg/L' },
  s2: { label: '硫化物', unit: 'mg/L' },
  fecal_coliform: { label: '粪大肠菌群', unit: '个/L' },
  temp: { label: '水温', unit: '°C' },
  transparency_cm: { label: '透明度', unit: 'cm' },
  orp_mv: { label: '氧化还原电位', unit: 'mV' },
} as const;
export type ReadingItem = keyof typeof READING_ITEMS;
export const READING_ITEM_KEYS = Object.keys(READING_ITEMS) as ReadingItem[];
