import type { FieldId } from '../fields.js';

/**
 * The reviewed technical glossary: English ↔ Simplified Chinese terms of the 14 fields, written and checked
 * by hand (the translation a Chinese paper or enterprise posting uses for the English term, and back).
 * One line per pair, `english = 中文`; a term may appear in several fields and in several pairs (synonyms:
 * "lithium battery" and "lithium-ion battery" both give 锂电池). It is small enough for any bundle, but
 * only the server and the bot import it.
 */
const PAIRS: Record<FieldId, string> = {
  'info-networks': `
    5G base station = 5G基站
    optical module = 光模块
    optical transceiver = 光模块
    edge computing = 边缘计算
    network slicing = 网络切片
    millimeter wave = 毫米波
    antenna = 天线
    satellite internet = 卫星互联网
    software-defined networking = 软件定义网络
    data center = 数据中心
    optical fiber = 光纤
    fiber splicing = 光纤熔接
    industrial internet = 工业互联网
    network security = 网络安全
    cybersecurity = 网络安全
    low latency = 低时延
    latency = 时延
    bandwidth = 带宽
    router = 路由器
    switch chip = 交换芯片
    chip = 芯片
    semiconductor = 半导体
    integrated circuit = 集成电路
    wireless communication = 无线通信
    blockchain = 区块链
    cloud computing = 云计算
    internet of things = 物联网
    encryption = 加密
    quantum communication = 量子通信
    signal processing = 信号处理
    packet loss = 丢包
    base station = 基站
  `,
  'green-manufacturing': `
    additive manufacturing = 增材制造
    3D printing = 3D打印
    laser welding = 激光焊接
    welding = 焊接
    predictive maintenance = 预测性维护
    digital twin = 数字孪生
    injection molding = 注塑成型
    machining = 机械加工
    surface coating = 表面涂层
    coating = 涂层
    cutting fluid = 切削液
    industrial robot = 工业机器人
    robot = 机器人
    waste heat recovery = 余热回收
    waste heat = 余热
    lean production = 精益生产
    powder metallurgy = 粉末冶金
    fault diagnosis = 故障诊断
    machine vision = 机器视觉
    defect detection = 缺陷检测
    solder joint = 焊点
    inspection = 巡检
    quality inspection = 质量检测
    energy saving = 节能
    energy consumption = 能耗
    production line = 生产线
    numerical control = 数控
    CNC machine tool = 数控机床
    casting = 铸造
    forging = 锻造
    heat treatment = 热处理
    corrosion = 腐蚀
    anti-corrosion = 防腐
    bearing = 轴承
    gearbox = 齿轮箱
  `,
  agriculture: `
    precision irrigation = 精准灌溉
    irrigation = 灌溉
    drip irrigation = 滴灌
    crop disease = 作物病害
    plant disease = 植物病害
    soil moisture = 土壤墒情
    soil = 土壤
    greenhouse = 温室
    seed breeding = 种子育种
    breeding = 育种
    crop = 作物
    rice = 水稻
    wheat = 小麦
    maize = 玉米
    yield = 产量
    drone spraying = 植保无人机
    pesticide = 农药
    fertilizer = 化肥
    organic fertilizer = 有机肥
    biological fertilizer = 生物有机肥
    livestock = 畜禽
    aquaculture = 水产养殖
    feed = 饲料
    post-harvest = 采后
    fruit and vegetable preservation = 果蔬保鲜
    preservation = 保鲜
    pest = 害虫
    pest forecasting = 病虫害预测
    transplanter = 插秧机
    smart agriculture = 智慧农业
    salt tolerance = 耐盐
    saline-alkali land = 盐碱地
    drought tolerance = 抗旱
  `,
  energy: `
    perovskite = 钙钛矿
    perovskite solar cell = 钙钛矿太阳能电池
    solar cell = 太阳能电池
    solar module = 光伏组件
    photovoltaic = 光伏
    photovoltaic module = 光伏组件
    tandem solar cell = 叠层太阳能电池
    tandem = 叠层
    silicon = 硅
    crystalline silicon = 晶硅
    inverter = 逆变器
    wind turbine = 风电机组
    wind turbine blade = 风电叶片
    wind power = 风电
    energy storage = 储能
    grid-scale storage = 电网级储能
    hydrogen = 氢
    hydrogen energy = 氢能
    electrolyzer = 电解槽
    water electrolysis = 电解水
    hydrogen production = 制氢
    fuel cell = 燃料电池
    heat pump = 热泵
    smart grid = 智能电网
    power grid = 电网
    flow battery = 液流电池
    concentrated solar power = 光热发电
    carbon capture = 碳捕集
    carbon neutrality = 碳中和
    nuclear fusion = 核聚变
    power forecasting = 功率预测
    encapsulation = 封装
    damp heat = 湿热
    stability = 稳定性
    efficiency = 效率
    power conversion efficiency = 光电转换效率
    thermal runaway = 热失控
    catalyst = 催化剂
    electrocatalyst = 电催化剂
    coal = 煤炭
    natural gas = 天然气
  `,
  resources: `
    mineral processing = 选矿
    flotation = 浮选
    tailings = 尾矿
    rare earth = 稀土
    mine = 矿山
    mining = 采矿
    ore = 矿石
    metallurgy = 冶金
    hydrometallurgy = 湿法冶金
    leaching = 浸出
    smelting = 冶炼
    copper = 铜
    nickel = 镍
    cobalt = 钴
    lithium extraction = 提锂
    salt lake = 盐湖
    brine = 卤水
    recovery rate = 回收率
    comprehensive utilization = 综合利用
    solid waste = 固废
    coal gangue = 煤矸石
    fly ash = 粉煤灰
    slag = 矿渣
    steel slag = 钢渣
    groundwater = 地下水
    geological exploration = 地质勘探
    shale gas = 页岩气
    oil recovery = 采油
    rock mechanics = 岩石力学
    backfill = 充填
  `,
  environment: `
    desalination = 海水淡化
    seawater desalination = 海水淡化
    reverse osmosis = 反渗透
    membrane = 膜
    wastewater treatment = 污水处理
    wastewater = 废水
    sewage = 污水
    sludge = 污泥
    heavy metal = 重金属
    soil remediation = 土壤修复
    remediation = 修复
    air pollution = 大气污染
    particulate matter = 颗粒物
    PM2.5 = 细颗粒物
    volatile organic compounds = 挥发性有机物
    VOCs = 挥发性有机物
    denitrification = 脱硝
    desulfurization = 脱硫
    carbon emission = 碳排放
    greenhouse gas = 温室气体
    microplastics = 微塑料
    plastic = 塑料
    recycling = 回收
    battery recycling = 电池回收
    garbage sorting = 垃圾分类
    landfill = 填埋
    adsorption = 吸附
    activated carbon = 活性炭
    photocatalysis = 光催化
    ecological restoration = 生态修复
    water quality = 水质
    monitoring = 监测
  `,
  'marine-space': `
    ocean = 海洋
    marine = 海洋
    seawater = 海水
    offshore wind = 海上风电
    underwater vehicle = 水下航行器
    autonomous underwater vehicle = 自主水下航行器
    sonar = 声呐
    subsea = 海底
    ship = 船舶
    hull = 船体
    marine corrosion = 海洋腐蚀
    antifouling = 防污
    biofouling = 生物污损
    satellite = 卫星
    remote sensing = 遥感
    satellite remote sensing = 卫星遥感
    yield estimation = 估产
    navigation = 导航
    BeiDou = 北斗
    rocket = 火箭
    spacecraft = 航天器
    aerospace = 航空航天
    aircraft = 飞机
    unmanned aerial vehicle = 无人机
    drone = 无人机
    attitude control = 姿态控制
    propulsion = 推进
    thermal protection = 热防护
    deep sea = 深海
    tidal energy = 潮汐能
    wave energy = 波浪能
  `,
  'smart-cities': `
    smart city = 智慧城市
    traffic = 交通
    traffic signal = 交通信号
    traffic flow = 交通流
    intelligent transportation = 智能交通
    parking = 停车
    water supply network = 供水管网
    water mains = 供水管网
    leak detection = 漏损检测
    leakage = 漏损
    pipe network = 管网
    pipeline = 管道
    building energy efficiency = 建筑节能
    building = 建筑
    bridge = 桥梁
    structural health monitoring = 结构健康监测
    tunnel = 隧道
    concrete = 混凝土
    weathering steel = 耐候钢
    steel = 钢
    urban flooding = 城市内涝
    drainage = 排水
    street lighting = 路灯
    video surveillance = 视频监控
    facial recognition = 人脸识别
    emergency response = 应急响应
    fire = 火灾
    elevator = 电梯
    district heating = 集中供热
    public transport = 公共交通
    subway = 地铁
    rail transit = 轨道交通
  `,
  health: `
    sepsis = 脓毒症
    early warning = 预警
    diagnosis = 诊断
    early diagnosis = 早期诊断
    cancer = 癌症
    tumor = 肿瘤
    lung cancer = 肺癌
    diabetes = 糖尿病
    hypertension = 高血压
    stroke = 卒中
    medical imaging = 医学影像
    CT = CT
    ultrasound = 超声
    wearable = 可穿戴
    electrocardiogram = 心电图
    ECG = 心电
    telemedicine = 远程医疗
    electronic medical record = 电子病历
    intensive care unit = 重症监护室
    ICU = 重症监护
    antibiotic = 抗生素
    antimicrobial resistance = 耐药
    vaccine = 疫苗
    drug = 药物
    drug delivery = 药物递送
    clinical trial = 临床试验
    medical device = 医疗器械
    rehabilitation = 康复
    elderly care = 养老
    traditional Chinese medicine = 中医药
    infection = 感染
    biomarker = 生物标志物
  `,
  biotech: `
    protein = 蛋白质
    protein structure = 蛋白质结构
    protein structure prediction = 蛋白质结构预测
    AlphaFold = AlphaFold
    enzyme = 酶
    enzyme engineering = 酶工程
    gene editing = 基因编辑
    CRISPR = CRISPR
    gene = 基因
    genome = 基因组
    sequencing = 测序
    synthetic biology = 合成生物学
    fermentation = 发酵
    cell culture = 细胞培养
    antibody = 抗体
    monoclonal antibody = 单克隆抗体
    biopharmaceutical = 生物制药
    microorganism = 微生物
    bacteria = 细菌
    probiotics = 益生菌
    metabolic engineering = 代谢工程
    biosensor = 生物传感器
    biomass = 生物质
    biodegradable = 可降解
    stem cell = 干细胞
    mRNA = mRNA
    peptide = 多肽
    yeast = 酵母
    molecular docking = 分子对接
    bioinformatics = 生物信息学
  `,
  'new-materials': `
    graphene = 石墨烯
    carbon nanotube = 碳纳米管
    carbon fiber = 碳纤维
    composite = 复合材料
    composite material = 复合材料
    nanomaterial = 纳米材料
    nanoparticle = 纳米颗粒
    thin film = 薄膜
    ceramic = 陶瓷
    alloy = 合金
    titanium alloy = 钛合金
    aluminum alloy = 铝合金
    high-entropy alloy = 高熵合金
    superalloy = 高温合金
    polymer = 聚合物
    hydrogel = 水凝胶
    aerogel = 气凝胶
    metal-organic framework = 金属有机框架
    MOF = 金属有机框架
    superconductor = 超导
    magnetic material = 磁性材料
    two-dimensional material = 二维材料
    quantum dot = 量子点
    self-healing = 自修复
    flame retardant = 阻燃
    adhesive = 胶粘剂
    corrosion resistance = 耐腐蚀
    wear resistance = 耐磨
    mechanical properties = 力学性能
    fatigue = 疲劳
    crystal = 晶体
  `,
  'high-end-equipment': `
    high-end equipment = 高端装备
    machine tool = 机床
    precision machining = 精密加工
    ultra-precision = 超精密
    servo motor = 伺服电机
    reducer = 减速器
    harmonic reducer = 谐波减速器
    hydraulic = 液压
    sensor = 传感器
    lidar = 激光雷达
    laser = 激光
    optical lens = 光学镜头
    lithography = 光刻
    lithography machine = 光刻机
    vacuum pump = 真空泵
    turbine = 涡轮
    gas turbine = 燃气轮机
    aero engine = 航空发动机
    high-speed rail = 高铁
    vibration = 振动
    noise reduction = 降噪
    vibration suppression = 减振
    control system = 控制系统
    motion control = 运动控制
    calibration = 标定
    nondestructive testing = 无损检测
    inspection robot = 巡检机器人
    exoskeleton = 外骨骼
    manipulator = 机械臂
    robotic arm = 机械臂
  `,
  'new-energy-vehicles': `
    new energy vehicle = 新能源汽车
    electric vehicle = 电动汽车
    EV = 电动汽车
    battery = 电池
    battery pack = 电池包
    power battery = 动力电池
    lithium battery = 锂电池
    lithium-ion battery = 锂离子电池
    lithium = 锂
    solid-state battery = 固态电池
    solid-state electrolyte = 固态电解质
    solid electrolyte = 固态电解质
    electrolyte = 电解质
    cathode = 正极
    anode = 负极
    cathode material = 正极材料
    silicon anode = 硅负极
    separator = 隔膜
    sodium-ion battery = 钠离子电池
    fast charging = 快充
    charging pile = 充电桩
    charging = 充电
    battery management system = 电池管理系统
    BMS = 电池管理系统
    state of charge = 荷电状态
    state of health = 健康状态
    cycle life = 循环寿命
    energy density = 能量密度
    thermal management = 热管理
    electric motor = 电机
    autonomous driving = 自动驾驶
    vehicle-to-grid = 车网互动
    hydrogen fuel cell vehicle = 氢燃料电池汽车
  `,
  ai: `
    artificial intelligence = 人工智能
    AI = 人工智能
    machine learning = 机器学习
    deep learning = 深度学习
    neural network = 神经网络
    large language model = 大语言模型
    large model = 大模型
    computer vision = 计算机视觉
    image recognition = 图像识别
    object detection = 目标检测
    semantic segmentation = 语义分割
    natural language processing = 自然语言处理
    speech recognition = 语音识别
    knowledge graph = 知识图谱
    reinforcement learning = 强化学习
    federated learning = 联邦学习
    transfer learning = 迁移学习
    anomaly detection = 异常检测
    time series = 时间序列
    prediction = 预测
    forecasting = 预测
    recommendation = 推荐
    algorithm = 算法
    model compression = 模型压缩
    inference acceleration = 推理加速
    training data = 训练数据
    dataset = 数据集
    annotation = 标注
    multimodal = 多模态
    explainability = 可解释性
    edge AI = 边缘智能
  `,
};

/** One reviewed pair of the glossary. */
export interface GlossaryEntry {
  en: string;
  zh: string;
  field: FieldId;
}

/** Every pair of the glossary, field by field. */
export const GLOSSARY: readonly GlossaryEntry[] = Object.entries(PAIRS).flatMap(([field, block]) =>
  block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [en, zh] = line.split(' = ');
      return { en: en!.trim(), zh: zh!.trim(), field: field as FieldId };
    }),
);
