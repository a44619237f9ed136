//! The regions SWR (shared edition) runs in, and the hosts derived from a region id.
//!
//! The id list is the SDK's region table (reference §1.1). Display names follow Huawei Cloud's
//! console naming; they are for people only and never sent anywhere.

use serde::Serialize;

/// One SWR region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// Region id, e.g. `cn-north-4`.
    pub id: &'static str,
    /// Where it is, as a region picker groups regions.
    pub area: Area,
    /// English display name.
    pub name_en: &'static str,
    /// Simplified Chinese display name.
    pub name_zh_cn: &'static str,
}

/// Where a region is, by the prefix of its console name (`CN`, `AP`, `LA`, …). Hong Kong is an
/// Asia Pacific region, as its id (`ap-southeast-1`) says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum Area {
    ChineseMainland,
    AsiaPacific,
    Africa,
    LatinAmerica,
    MiddleEast,
    Europe,
    Turkiye,
    Russia,
}

macro_rules! regions {
    ($(($id:literal, $en:literal, $zh:literal)),* $(,)?) => {
        /// Every region of the SDK's table, in its order.
        pub const REGIONS: &[Region] = &[
            $(Region { id: $id, area: area_of($id), name_en: $en, name_zh_cn: $zh },)*
        ];
    };
}

/// The area of a region id, from its first part.
const fn area_of(id: &str) -> Area {
    match id.as_bytes() {
        [b'c', b'n', b'-', ..] => Area::ChineseMainland,
        [b'a', b'p', b'-', ..] | [b'm', b'y', b'-', ..] => Area::AsiaPacific,
        [b'a', b'f', b'-', ..] => Area::Africa,
        [b'l', b'a', b'-', ..] | [b's', b'a', b'-', ..] | [b'n', b'a', b'-', ..] => {
            Area::LatinAmerica
        }
        [b'a', b'e', b'-', ..] | [b'm', b'e', b'-', ..] => Area::MiddleEast,
        [b't', b'r', b'-', ..] => Area::Turkiye,
        [b'r', b'u', b'-', ..] => Area::Russia,
        _ => Area::Europe,
    }
}

regions![
    ("af-south-1", "AF-Johannesburg", "非洲-约翰内斯堡"),
    ("ap-southeast-1", "CN-Hong Kong", "中国-香港"),
    ("ap-southeast-2", "AP-Bangkok", "亚太-曼谷"),
    ("ap-southeast-3", "AP-Singapore", "亚太-新加坡"),
    ("cn-east-2", "CN East-Shanghai2", "华东-上海二"),
    ("cn-east-3", "CN East-Shanghai1", "华东-上海一"),
    ("cn-east-4", "CN East2", "华东二"),
    ("cn-north-1", "CN North-Beijing1", "华北-北京一"),
    ("cn-north-2", "CN North-Beijing2", "华北-北京二"),
    ("cn-north-4", "CN North-Beijing4", "华北-北京四"),
    ("cn-south-1", "CN South-Guangzhou", "华南-广州"),
    ("cn-south-2", "CN South-Shenzhen", "华南-深圳"),
    ("cn-southwest-2", "CN Southwest-Guiyang1", "西南-贵阳一"),
    ("ru-northwest-2", "RU-Moscow2", "俄罗斯-莫斯科二"),
    ("la-south-2", "LA-Santiago", "拉美-圣地亚哥"),
    ("sa-brazil-1", "LA-Sao Paulo1", "拉美-圣保罗一"),
    ("cn-north-9", "CN North-Ulanqab1", "华北-乌兰察布一"),
    ("cn-north-11", "CN North-Ulanqab201", "华北-乌兰察布二零一"),
    ("na-mexico-1", "LA-Mexico City1", "拉美-墨西哥城一"),
    ("la-north-2", "LA-Mexico City2", "拉美-墨西哥城二"),
    ("tr-west-1", "TR-Istanbul", "土耳其-伊斯坦布尔"),
    ("ae-ad-1", "ME-Abu Dhabi", "中东-阿布扎比"),
    ("eu-west-101", "EU-Dublin", "欧洲-都柏林"),
    ("ru-moscow-1", "RU-Moscow1", "俄罗斯-莫斯科一"),
    ("my-kualalumpur-1", "AP-Kuala Lumpur-OP6", "亚太-吉隆坡-OP6"),
    ("me-east-1", "ME-Riyadh", "中东-利雅得"),
    ("eu-west-0", "EU-Paris", "欧洲-巴黎"),
    ("ap-southeast-5", "AP-Manila", "亚太-马尼拉"),
    ("cn-east-5", "CN East-Qingdao", "华东-青岛"),
    ("af-north-1", "AF-Cairo", "非洲-开罗"),
    ("ap-southeast-4", "AP-Jakarta", "亚太-雅加达"),
    (
        "cn-south-4",
        "CN South-Guangzhou-InvitationOnly",
        "华南-广州-友好用户环境"
    ),
    ("cn-southwest-3", "CN Southwest-Guiyang2", "西南-贵阳二"),
    ("cn-north-12", "CN North-Ulanqab2", "华北-乌兰察布二"),
    ("sa-peru-1", "LA-Lima", "拉美-利马"),
];

/// Looks a region up by id.
pub fn find_region(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

/// The public DNS suffix of a region: `myhuaweicloud.eu` for `eu-west-101`, otherwise
/// `myhuaweicloud.com`.
pub fn domain_suffix(region_id: &str) -> &'static str {
    if region_id == "eu-west-101" {
        "myhuaweicloud.eu"
    } else {
        "myhuaweicloud.com"
    }
}

/// `https://swr-api.<region>.<suffix>`.
pub fn default_api_endpoint(region_id: &str) -> String {
    format!("https://swr-api.{region_id}.{}", domain_suffix(region_id))
}

/// `swr.<region>.<suffix>`: the docker registry host.
pub fn default_registry_host(region_id: &str) -> String {
    format!("swr.{region_id}.{}", domain_suffix(region_id))
}

/// `https://iam.<region>.<suffix>`: the IAM endpoint used to resolve the project id.
pub fn default_iam_endpoint(region_id: &str) -> String {
    format!("https://iam.{region_id}.{}", domain_suffix(region_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_every_sdk_region_once() {
        assert_eq!(REGIONS.len(), 35);
        let mut ids: Vec<_> = REGIONS.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 35);
        for r in REGIONS {
            assert!(
                !r.name_en.is_empty() && !r.name_zh_cn.is_empty(),
                "{}",
                r.id
            );
            assert!(!r.name_zh_cn.is_ascii(), "{}", r.id);
        }
    }

    #[test]
    fn each_region_is_in_the_area_its_console_name_says() {
        for r in REGIONS {
            let named = match r.name_en.split(['-', ' ']).next() {
                _ if r.name_en == "CN-Hong Kong" => Area::AsiaPacific,
                Some("CN") => Area::ChineseMainland,
                Some("AP") => Area::AsiaPacific,
                Some("AF") => Area::Africa,
                Some("LA") => Area::LatinAmerica,
                Some("ME") => Area::MiddleEast,
                Some("EU") => Area::Europe,
                Some("TR") => Area::Turkiye,
                Some("RU") => Area::Russia,
                other => panic!("{}: no area for the name prefix {other:?}", r.id),
            };
            assert_eq!(r.area, named, "{}", r.id);
        }
    }

    #[test]
    fn hosts_follow_the_region_and_the_eu_exception() {
        assert_eq!(
            default_api_endpoint("cn-north-4"),
            "https://swr-api.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(
            default_registry_host("ap-southeast-1"),
            "swr.ap-southeast-1.myhuaweicloud.com"
        );
        assert_eq!(
            default_api_endpoint("eu-west-101"),
            "https://swr-api.eu-west-101.myhuaweicloud.eu"
        );
        assert_eq!(
            default_registry_host("eu-west-101"),
            "swr.eu-west-101.myhuaweicloud.eu"
        );
        assert_eq!(
            default_iam_endpoint("cn-north-4"),
            "https://iam.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(
            find_region("cn-north-4").map(|r| r.name_zh_cn),
            Some("华北-北京四")
        );
        assert!(find_region("mars-1").is_none());
    }
}
