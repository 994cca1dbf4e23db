"""Word lists the course-data generator draws from: cities, Chinese names, industries, phrases.

Everything here is invented or public general knowledge (city names, telephone area codes,
postcode prefixes). No real person or company is described; any likeness is a coincidence.
"""
from __future__ import annotations

# city, Chinese name, region, tier, telephone area code, postcode prefix, weight inside its region
CITIES = [
    ("Shanghai", "上海", "East", "tier1", "021", "200", 10),
    ("Hangzhou", "杭州", "East", "tier2", "0571", "310", 5),
    ("Nanjing", "南京", "East", "tier2", "025", "210", 4),
    ("Suzhou", "苏州", "East", "tier2", "0512", "215", 4),
    ("Ningbo", "宁波", "East", "tier2", "0574", "315", 3),
    ("Jinan", "济南", "East", "tier2", "0531", "250", 2),
    ("Qingdao", "青岛", "East", "tier2", "0532", "266", 2),
    ("Wenzhou", "温州", "East", "tier3", "0577", "325", 2),
    ("Jiaxing", "嘉兴", "East", "tier3", "0573", "314", 2),
    ("Yangzhou", "扬州", "East", "tier3", "0514", "225", 1),
    ("Beijing", "北京", "North", "tier1", "010", "100", 10),
    ("Tianjin", "天津", "North", "tier2", "022", "300", 4),
    ("Shijiazhuang", "石家庄", "North", "tier2", "0311", "050", 2),
    ("Taiyuan", "太原", "North", "tier2", "0351", "030", 2),
    ("Hohhot", "呼和浩特", "North", "tier3", "0471", "010", 1),
    ("Baoding", "保定", "North", "tier3", "0312", "071", 1),
    ("Tangshan", "唐山", "North", "tier3", "0315", "063", 1),
    ("Guangzhou", "广州", "South", "tier1", "020", "510", 8),
    ("Shenzhen", "深圳", "South", "tier1", "0755", "518", 8),
    ("Xiamen", "厦门", "South", "tier2", "0592", "361", 3),
    ("Fuzhou", "福州", "South", "tier2", "0591", "350", 3),
    ("Nanning", "南宁", "South", "tier2", "0771", "530", 2),
    ("Dongguan", "东莞", "South", "tier2", "0769", "523", 3),
    ("Foshan", "佛山", "South", "tier2", "0757", "528", 3),
    ("Zhuhai", "珠海", "South", "tier3", "0756", "519", 1),
    ("Haikou", "海口", "South", "tier3", "0898", "570", 1),
    ("Wuhan", "武汉", "Central", "tier2", "027", "430", 5),
    ("Changsha", "长沙", "Central", "tier2", "0731", "410", 4),
    ("Zhengzhou", "郑州", "Central", "tier2", "0371", "450", 4),
    ("Nanchang", "南昌", "Central", "tier2", "0791", "330", 2),
    ("Luoyang", "洛阳", "Central", "tier3", "0379", "471", 1),
    ("Yichang", "宜昌", "Central", "tier3", "0717", "443", 1),
    ("Chengdu", "成都", "Southwest", "tier2", "028", "610", 6),
    ("Chongqing", "重庆", "Southwest", "tier2", "023", "400", 5),
    ("Kunming", "昆明", "Southwest", "tier2", "0871", "650", 2),
    ("Guiyang", "贵阳", "Southwest", "tier2", "0851", "550", 2),
    ("Mianyang", "绵阳", "Southwest", "tier3", "0816", "621", 1),
    ("Xi'an", "西安", "Northwest", "tier2", "029", "710", 5),
    ("Lanzhou", "兰州", "Northwest", "tier2", "0931", "730", 2),
    ("Urumqi", "乌鲁木齐", "Northwest", "tier2", "0991", "830", 2),
    ("Yinchuan", "银川", "Northwest", "tier3", "0951", "750", 1),
    ("Xining", "西宁", "Northwest", "tier3", "0971", "810", 1),
    ("Shenyang", "沈阳", "Northeast", "tier2", "024", "110", 4),
    ("Dalian", "大连", "Northeast", "tier2", "0411", "116", 3),
    ("Harbin", "哈尔滨", "Northeast", "tier2", "0451", "150", 3),
    ("Changchun", "长春", "Northeast", "tier2", "0431", "130", 2),
    ("Anshan", "鞍山", "Northeast", "tier3", "0412", "114", 1),
]

REGIONS = ["East", "North", "South", "Central", "Southwest", "Northwest", "Northeast"]
REGION_WEIGHTS = [0.34, 0.16, 0.18, 0.11, 0.09, 0.05, 0.07]

# Chinese syllables for invented brand names, with their pinyin (for e-mail domains)
BRAND_SYLLABLES = [
    ("恒", "heng"), ("达", "da"), ("华", "hua"), ("盛", "sheng"), ("鑫", "xin"), ("源", "yuan"),
    ("瑞", "rui"), ("丰", "feng"), ("安", "an"), ("宏", "hong"), ("泰", "tai"), ("福", "fu"),
    ("通", "tong"), ("嘉", "jia"), ("明", "ming"), ("昌", "chang"), ("金", "jin"), ("和", "he"),
    ("德", "de"), ("远", "yuan"), ("海", "hai"), ("天", "tian"), ("光", "guang"), ("永", "yong"),
    ("博", "bo"), ("睿", "rui"), ("凯", "kai"), ("锦", "jin"), ("星", "xing"), ("宇", "yu"),
    ("辰", "chen"), ("诚", "cheng"), ("立", "li"), ("佳", "jia"), ("荣", "rong"), ("航", "hang"),
    ("启", "qi"), ("润", "run"), ("茂", "mao"), ("峰", "feng"),
]

# industry -> (Chinese business word, slug) options for companies
INDUSTRY_WORDS = {
    "manufacturing": [("机械制造", "machinery"), ("精密制造", "precision"), ("电子", "electronics"),
                      ("汽车零部件", "autoparts"), ("化工", "chem"), ("纺织", "textile"), ("包装", "pack")],
    "IT": [("科技", "tech"), ("信息技术", "infotech"), ("软件", "soft"), ("网络科技", "net"), ("数据科技", "data")],
    "finance": [("投资", "invest"), ("保险代理", "insurance"), ("金融服务", "finance"),
                ("资产管理", "asset"), ("融资租赁", "leasing")],
    "logistics": [("物流", "logistics"), ("供应链", "supplychain"), ("运输", "transport"), ("速运", "express")],
    "retail_trade": [("商贸", "trade"), ("百货", "store"), ("超市", "mart"), ("贸易", "trading")],
}
CHANNEL_WORDS = [("办公用品经销", "office"), ("文具批发", "wholesale"), ("办公设备", "equip"), ("商贸", "trade")]

# public-sector organisations (no 有限公司): templates with {city} and {n}
GOV_UNITS = ["税务局", "市场监督管理局", "人力资源和社会保障局", "教育局", "交通运输局", "统计局",
             "住房和城乡建设局", "生态环境局", "文化和旅游局", "卫生健康委员会", "政务服务中心", "公安局"]
GOV_DISTRICTS = ["", "东城区", "西城区", "高新区", "经济开发区", "南区", "北区", "新区", "滨海区", "城关区"]
EDU_UNITS = ["第{n}中学", "第{n}小学", "实验中学", "外国语学校", "职业技术学院", "理工学院", "师范学院",
             "第{n}幼儿园", "开放大学", "技师学院"]
HEALTH_UNITS = ["第{n}人民医院", "中医院", "妇幼保健院", "口腔医院", "疾病预防控制中心", "社区卫生服务中心",
                "康复医院", "中心医院"]
CN_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

INTERNAL_UNITS = ["行政部", "财务部", "人力资源部", "信息技术部", "市场部", "仓储中心", "物流部", "客服中心",
                  "采购部", "培训中心"]
COMPANY_CN = "华信办公用品"

SURNAMES = [
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
    ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"),
    ("马", "ma"), ("朱", "zhu"), ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"),
    ("高", "gao"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"),
    ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"),
]
SURNAME_WEIGHTS = [7.3, 7.2, 6.9, 5.4, 4.5, 3.1, 2.4, 2.3, 2.0, 1.9, 1.8, 1.5, 1.3, 1.2, 1.2, 1.1, 1.1,
                   1.1, 1.1, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7, 0.6, 0.6]
GIVEN_CHARS = [
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
    ("杰", "jie"), ("娟", "juan"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"),
    ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("英", "ying"), ("华", "hua"), ("玉", "yu"),
    ("鹏", "peng"), ("辉", "hui"), ("婷", "ting"), ("雪", "xue"), ("琳", "lin"), ("晨", "chen"),
    ("浩", "hao"), ("宇", "yu"), ("欣", "xin"), ("怡", "yi"), ("博", "bo"), ("文", "wen"),
    ("斌", "bin"), ("慧", "hui"), ("建", "jian"), ("倩", "qian"),
]
EMAIL_DOMAINS = ["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "139.com"]

ROAD_WORDS = ["人民", "中山", "解放", "建设", "长江", "黄河", "南京", "和平", "新华", "光明", "科技", "创业",
              "迎宾", "滨江", "学府", "文化", "工业", "东风", "胜利", "华山"]
DISTRICT_WORDS = ["高新区", "经开区", "东区", "西区", "南区", "北区", "新区", "城南区", "城北区", "开发区"]

# Competitors named on key-account cards (invented)
COMPETITORS = ["Company X", "金帆办公", "远景办公设备", "博众文仪", "汇通商用", "晨曦办公服务"]

POTENTIAL_PROJECTS = [
    "assessment software", "office furniture refit", "managed print service", "IT hardware refresh",
    "canteen supplies contract", "annual stationery framework", "cleaning supplies contract",
    "meeting-room equipment", "new branch fit-out", "paper and toner framework",
]
NEEDS = [
    "lower price", "faster service", "lower price; faster service", "one invoice per month",
    "next-day delivery", "on-site technical support", "customised products", "a dedicated contact person",
    "green (recycled) products", "online ordering and tracking",
]
POSITIONS = ["office director", "HR director", "purchasing manager", "general manager", "IT director",
             "finance director", "administration manager", "deputy general manager"]
